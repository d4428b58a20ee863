package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.page.PageLayout;
import java.nio.ByteBuffer;

/**
 * One committed state of the database: immutable, published to readers with a volatile store once
 * it is durable (H2's RootReference, LMDB's meta). Read from a meta page on open, or produced by a
 * commit.
 */
public final class Snapshot {
  final long txnId;
  final long directoryRoot;
  final long freeListRoot;
  final long pageCount;
  final long commitMillis;
  /** The meta page this state was read from or written to; 0 before it is written. */
  final long metaPage;
  /** With {@link #commitList}: the oldest commit whose pages the list names. */
  final long firstTxnId;
  final int listedPages;
  final byte[] commitList;

  Snapshot(long txnId, long directoryRoot, long freeListRoot, long pageCount, long commitMillis,
      long metaPage, long firstTxnId, int listedPages, byte[] commitList) {
    this.txnId = txnId;
    this.directoryRoot = directoryRoot;
    this.freeListRoot = freeListRoot;
    this.pageCount = pageCount;
    this.commitMillis = commitMillis;
    this.metaPage = metaPage;
    this.firstTxnId = firstTxnId;
    this.listedPages = listedPages;
    this.commitList = commitList;
  }

  /** A state produced by a commit, not yet given a meta page or commit list. */
  static Snapshot committed(long txnId, long directoryRoot, long freeListRoot, long pageCount) {
    return new Snapshot(txnId, directoryRoot, freeListRoot, pageCount, System.currentTimeMillis(),
        0, txnId, 0, new byte[0]);
  }

  /** This state as written to {@code metaPage} with a commit list. */
  Snapshot withMeta(long metaPage, long firstTxnId, int listedPages, byte[] commitList) {
    return new Snapshot(txnId, directoryRoot, freeListRoot, pageCount, commitMillis, metaPage,
        firstTxnId, listedPages, commitList);
  }

  /**
   * Whether {@code page} is an intact image of page {@code number} written by one of the commits
   * {@code firstTxnId..txnId} that this meta or log record makes durable: what an open checks
   * of every page a single-sync meta lists or a record rebuilds.
   */
  boolean wrote(ByteBuffer page, long number, int pageSize) {
    long writer = page.getLong(PageLayout.TXN_ID);
    return page.getLong(PageLayout.PAGE_NUMBER) == number && writer >= firstTxnId
        && writer <= txnId && page.getInt(PageLayout.CHECKSUM) == Checksums.pageChecksum(page,
            pageSize);
  }

  /** Transaction id of the commit that produced this state. */
  public long txnId() {
    return txnId;
  }

  /** Number of pages in use or free (the high-water mark). */
  public long pageCount() {
    return pageCount;
  }

  /** Wall-clock time of the commit, in epoch milliseconds. */
  public long commitMillis() {
    return commitMillis;
  }

  /** Root of the tree of named trees. */
  public long directoryRoot() {
    return directoryRoot;
  }

  /** Root of the free-list tree. */
  public long freeListRoot() {
    return freeListRoot;
  }

  /** Writes this state into a freshly allocated (all-zero) meta page buffer, not yet sealed. */
  void writeTo(ByteBuffer page, byte commitMode) {
    page.put(PageLayout.TYPE, PageLayout.TYPE_META);
    page.putLong(PageLayout.PAGE_NUMBER, metaPage);
    page.putLong(PageLayout.TXN_ID, txnId);
    page.putLong(MetaLayout.DIRECTORY_ROOT, directoryRoot);
    page.putLong(MetaLayout.FREE_LIST_ROOT, freeListRoot);
    page.putLong(MetaLayout.PAGE_COUNT, pageCount);
    page.putLong(MetaLayout.COMMIT_MILLIS, commitMillis);
    page.putLong(MetaLayout.FIRST_TXN_ID, firstTxnId);
    page.putInt(MetaLayout.LISTED_PAGES, listedPages);
    page.putInt(MetaLayout.LIST_BYTES, commitList.length);
    page.put(MetaLayout.COMMIT_MODE, commitMode);
    page.put(MetaLayout.COMMIT_LIST, commitList);
  }

  /**
   * Decodes a meta page, or returns null if it is not a valid meta record (torn, never written,
   * or damaged): the caller then uses the other meta page.
   */
  static Snapshot readFrom(ByteBuffer page, int pageSize, long metaPage, long filePages) {
    if (page.get(PageLayout.TYPE) != PageLayout.TYPE_META
        || page.getLong(PageLayout.PAGE_NUMBER) != metaPage
        || page.getInt(PageLayout.CHECKSUM) != Checksums.pageChecksum(page, pageSize)) {
      return null;
    }
    long txnId = page.getLong(PageLayout.TXN_ID);
    long pageCount = page.getLong(MetaLayout.PAGE_COUNT);
    long directoryRoot = page.getLong(MetaLayout.DIRECTORY_ROOT);
    long freeListRoot = page.getLong(MetaLayout.FREE_LIST_ROOT);
    long firstTxnId = page.getLong(MetaLayout.FIRST_TXN_ID);
    int listBytes = page.getInt(MetaLayout.LIST_BYTES);
    if (pageCount > filePages && pageCount >= PageLayout.FIRST_DATA_PAGE) {
      if (page.get(MetaLayout.COMMIT_MODE) == CommitProtocol.SINGLE_SYNC.ordinal()) {
        // The commit grew the file and the new length did not reach the disk under the sync it
        // shared with this meta: it never completed.
        return null;
      }
      // Every other protocol syncs a new length before it writes a meta: the file was cut.
      throw new StorageCorruptionException(metaPage, "the file is truncated: transaction "
          + txnId + " needs " + pageCount + " pages, the file has " + filePages);
    }
    if (pageCount < PageLayout.FIRST_DATA_PAGE
        || !validRoot(directoryRoot, pageCount) || !validRoot(freeListRoot, pageCount)
        || firstTxnId < 0 || firstTxnId > txnId
        || listBytes < 0 || !MetaLayout.listFits(listBytes, pageSize)) {
      throw new StorageCorruptionException(metaPage, "meta record with a valid checksum is"
          + " inconsistent (page count " + pageCount + ", file pages " + filePages + ")");
    }
    byte[] list = new byte[listBytes];
    page.get(MetaLayout.COMMIT_LIST, list);
    return new Snapshot(txnId, directoryRoot, freeListRoot, pageCount,
        page.getLong(MetaLayout.COMMIT_MILLIS), metaPage, firstTxnId,
        page.getInt(MetaLayout.LISTED_PAGES), list);
  }

  private static boolean validRoot(long page, long pageCount) {
    return page == 0 || (page >= PageLayout.FIRST_DATA_PAGE && page < pageCount);
  }
}
