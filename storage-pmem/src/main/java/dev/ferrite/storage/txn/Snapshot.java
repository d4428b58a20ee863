package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.page.PageLayout;
import java.nio.ByteBuffer;

/**
 * One committed state of the database, as recorded in a meta page: immutable, published by the
 * writer with a volatile store after the commit is durable (H2's RootReference, LMDB's meta).
 */
public final class Snapshot {
  final long txnId;
  final long directoryRoot;
  final long freeListRoot;
  final long pageCount;
  final long commitMillis;
  final long commitListHead;
  final int commitListPages;
  final byte[] inlineCommitList;

  Snapshot(long txnId, long directoryRoot, long freeListRoot, long pageCount, long commitMillis,
      long commitListHead, int commitListPages, byte[] inlineCommitList) {
    this.txnId = txnId;
    this.directoryRoot = directoryRoot;
    this.freeListRoot = freeListRoot;
    this.pageCount = pageCount;
    this.commitMillis = commitMillis;
    this.commitListHead = commitListHead;
    this.commitListPages = commitListPages;
    this.inlineCommitList = inlineCommitList;
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

  /** Writes this state into a meta page buffer (not yet sealed). */
  void writeTo(ByteBuffer page, long metaPage, byte commitMode) {
    for (int i = 0; i < page.capacity(); i++) {
      page.put(i, (byte) 0);
    }
    page.put(PageLayout.TYPE, PageLayout.TYPE_META);
    page.putLong(PageLayout.PAGE_NUMBER, metaPage);
    page.putLong(PageLayout.TXN_ID, txnId);
    page.putLong(MetaLayout.DIRECTORY_ROOT, directoryRoot);
    page.putLong(MetaLayout.FREE_LIST_ROOT, freeListRoot);
    page.putLong(MetaLayout.PAGE_COUNT, pageCount);
    page.putLong(MetaLayout.COMMIT_MILLIS, commitMillis);
    page.putLong(MetaLayout.COMMIT_LIST_HEAD, commitListHead);
    page.putInt(MetaLayout.COMMIT_LIST_PAGES, commitListPages);
    page.putInt(MetaLayout.INLINE_LIST_BYTES, inlineCommitList.length);
    page.put(MetaLayout.COMMIT_MODE, commitMode);
    page.put(MetaLayout.INLINE_LIST, inlineCommitList);
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
    long pageCount = page.getLong(MetaLayout.PAGE_COUNT);
    long directoryRoot = page.getLong(MetaLayout.DIRECTORY_ROOT);
    long freeListRoot = page.getLong(MetaLayout.FREE_LIST_ROOT);
    long listHead = page.getLong(MetaLayout.COMMIT_LIST_HEAD);
    int inlineBytes = page.getInt(MetaLayout.INLINE_LIST_BYTES);
    if (pageCount < PageLayout.FIRST_DATA_PAGE || pageCount > filePages
        || !validRoot(directoryRoot, pageCount) || !validRoot(freeListRoot, pageCount)
        || !validRoot(listHead, pageCount)
        || inlineBytes < 0 || inlineBytes > pageSize - MetaLayout.INLINE_LIST) {
      throw new StorageCorruptionException(metaPage, "meta record with a valid checksum points"
          + " outside the file (page count " + pageCount + ", file pages " + filePages + ")");
    }
    byte[] inline = new byte[inlineBytes];
    page.get(MetaLayout.INLINE_LIST, inline);
    return new Snapshot(page.getLong(PageLayout.TXN_ID), directoryRoot, freeListRoot, pageCount,
        page.getLong(MetaLayout.COMMIT_MILLIS), listHead,
        page.getInt(MetaLayout.COMMIT_LIST_PAGES), inline);
  }

  private static boolean validRoot(long page, long pageCount) {
    return page == 0 || (page >= PageLayout.FIRST_DATA_PAGE && page < pageCount);
  }
}
