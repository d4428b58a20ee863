package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.PageNumberCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The commit log: a ring of pages reserved when the file is created (file header
 * {@code LOG_START}, {@code LOG_PAGES}) that lets a small commit become durable with one
 * range-durable write, as SQLite's WAL does, while the tree stays copy-on-write in one file. A
 * commit's pages still go to their own places, unsynced; the record appended here holds their
 * images and the new state, so the commit survives even if those places never reach the disk.
 *
 * <p>A record at ring page {@code p} is a meta record (the {@link Snapshot} layout, with page
 * number {@code p}'s file page) whose txn id is the newest commit of its group and whose first
 * txn id is the commit after the previous durable state. Its commit list is the page numbers the
 * group wrote that are live in its state (varint deltas) followed by each page's checksum (4 bytes
 * each, same order); the pages' images follow on the next ring pages, in list order.
 *
 * <p>Invariants:
 * <ol>
 *   <li>The records after the newest valid meta start at ring page 0 and follow one another
 *       without gaps, in commit order; a record is written only after the one before it is
 *       durable.
 *   <li>Only a checkpoint empties the ring: a full sync (every page a logged commit wrote is then
 *       durable in place), a meta for the newest state, a sync. Until that meta is durable the
 *       ring is not rewritten from page 0, so the older meta plus the ring still recover.
 *   <li>A record is replayed only if its checksum is valid, its first txn id follows the state
 *       before it, and every image has its listed page number, a txn id of the group, a valid
 *       checksum and the checksum the record lists. Records of an older lap carry older txn ids;
 *       the leftovers of a lost commit whose txn ids were reused fail the listed checksums.
 *   <li>A commit that grew the file is made durable by a checkpoint, never by a record: a
 *       range-durable write does not persist a new file length.
 * </ol>
 *
 * <p>Opening replays the valid records (their images are written in place, or served from memory
 * on a read-only open) and continues the ring after the last one. Thread-safety: used by one
 * group-commit leader at a time.
 */
final class CommitLog {
  private final long startPage;
  private final int ringPages;
  private final int pageSize;
  /** Ring page (0-based) where the next record goes. */
  private int next;
  /** File length made durable by the last full sync or found on open. */
  private long syncedLength;
  private ByteBuffer recordBuffer;

  CommitLog(long startPage, int ringPages, int pageSize, int next, long syncedLength) {
    this.startPage = startPage;
    this.ringPages = ringPages;
    this.pageSize = pageSize;
    this.next = next;
    this.syncedLength = syncedLength;
  }

  /** Whether some commit after the newest meta is durable only through this log. */
  boolean holdsCommits() {
    return next > 0;
  }

  /** Whether {@code page} is one of the ring's pages. */
  boolean contains(long page) {
    return page >= startPage && page < startPage + ringPages;
  }

  long startPage() {
    return startPage;
  }

  int ringPages() {
    return ringPages;
  }

  /** Records that a checkpoint made everything up to file length {@code length} durable. */
  void emptied(long length) {
    next = 0;
    syncedLength = length;
  }

  /**
   * Makes {@code state} durable with one record holding {@code livePages} (sorted here), or
   * returns null if it cannot: the file grew since the last sync, or the record does not fit in
   * the ring's free part or its list in a meta page. Returns the state, still naming the meta page
   * of {@code durable}.
   */
  Snapshot tryAppend(Pager pager, Region region, Snapshot state, Snapshot durable,
      LongList livePages) {
    int n = livePages.size();
    if (region.length() != syncedLength || next + 1 + n > ringPages) {
      return null;
    }
    byte[] numbers = PageNumberCodec.encode(livePages);
    byte[] list = Arrays.copyOf(numbers, numbers.length + 4 * n);
    if (!MetaLayout.listFits(list.length, pageSize)) {
      return null;
    }
    ByteBuffer record = recordBuffer(1 + n);
    ByteBuffer listView = ByteBuffer.wrap(list);
    for (int i = 0; i < n; i++) {
      ByteBuffer image = pager.raw(livePages.get(i));
      listView.putInt(numbers.length + 4 * i, image.getInt(PageLayout.CHECKSUM));
      record.put((1 + i) * pageSize, image, 0, pageSize);
    }
    long headerPage = startPage + next;
    Snapshot header = state.withMeta(headerPage, durable.txnId + 1, n, list);
    ByteBuffer headerView = record.slice(0, pageSize);
    header.writeTo(headerView, (byte) CommitProtocol.LOGGED.ordinal());
    Checksums.sealPage(headerView, pageSize);
    region.storeDurably(pager.offsetOf(headerPage), record.limit((1 + n) * pageSize));
    next += 1 + n;
    return state.withMeta(durable.metaPage, durable.txnId + 1, 0, new byte[0]);
  }

  private ByteBuffer recordBuffer(int pages) {
    int bytes = pages * pageSize;
    if (recordBuffer == null || recordBuffer.capacity() < bytes) {
      recordBuffer = ByteBuffer.allocate(Math.max(bytes, 8 * pageSize));
    }
    Arrays.fill(recordBuffer.array(), 0, pageSize, (byte) 0);
    return recordBuffer.clear();
  }

  /** What replaying the ring after a meta found. */
  record Replay(Snapshot state, int nextPage, int records) {}

  /** Receives the images of a replayed record, in ring order. */
  interface ImageSink {
    void accept(long pageNumber, ByteBuffer image);
  }

  /**
   * Replays the records that follow {@code meta}: hands each valid record's images to
   * {@code sink} and returns the newest state (naming {@code meta}'s page) and where the ring
   * continues.
   */
  static Replay replay(Pager pager, Snapshot meta, long startPage, int ringPages,
      long filePages, ImageSink sink) {
    int pageSize = pager.pageSize();
    Snapshot state = meta;
    int at = 0;
    int records = 0;
    LongList numbers = new LongList();
    while (at < ringPages) {
      Snapshot header = Snapshot.readFrom(pager.raw(startPage + at), pageSize, startPage + at,
          filePages);
      if (header == null || header.firstTxnId != state.txnId + 1
          || !imagesValid(pager, header, startPage, ringPages, at, numbers)) {
        break;
      }
      for (int i = 0; i < numbers.size(); i++) {
        sink.accept(numbers.get(i), pager.raw(startPage + at + 1 + i));
      }
      state = header.withMeta(meta.metaPage, header.firstTxnId, 0, new byte[0]);
      at += 1 + numbers.size();
      records++;
    }
    return new Replay(state, at, records);
  }

  /**
   * Decodes the list of the record at ring page {@code at} into {@code numbers} and checks every
   * image it names.
   */
  private static boolean imagesValid(Pager pager, Snapshot header, long startPage, int ringPages,
      int at, LongList numbers) {
    long firstImagePage = startPage + at + 1;
    int pagesLeft = ringPages - at - 1;
    int n = header.listedPages;
    byte[] list = header.commitList;
    int numberBytes = list.length - 4 * n;
    if (n < 0 || n > pagesLeft || numberBytes < 0) {
      return false;
    }
    numbers.clear();
    try {
      PageNumberCodec.decode(list, 0, numberBytes, numbers);
    } catch (IllegalArgumentException e) {
      return false;
    }
    if (numbers.size() != n) {
      return false;
    }
    ByteBuffer checksums = ByteBuffer.wrap(list);
    for (int i = 0; i < n; i++) {
      long number = numbers.get(i);
      ByteBuffer image = pager.raw(firstImagePage + i);
      long txnId = image.getLong(PageLayout.TXN_ID);
      int checksum = image.getInt(PageLayout.CHECKSUM);
      if (number < PageLayout.FIRST_DATA_PAGE || number >= header.pageCount
          || (number >= startPage && number < startPage + ringPages)
          || image.getLong(PageLayout.PAGE_NUMBER) != number
          || txnId < header.firstTxnId || txnId > header.txnId
          || checksum != checksums.getInt(numberBytes + 4 * i)
          || checksum != Checksums.pageChecksum(image, pager.pageSize())) {
        return false;
      }
    }
    return true;
  }
}
