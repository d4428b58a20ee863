package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
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
 * group wrote that are live in its state (varint deltas), then per page its checksum (i32), the
 * page it is a delta against (i64, 0 for none) and its payload length (i32). The payloads follow
 * the list directly, in list order, continuing on the next ring pages as needed: a
 * {@link PageDelta} against the page it was copied from when an earlier record of this ring wrote
 * that page; else the page's runs against an all-zero page (B-tree pages have a gap of zeros in
 * the middle), or the whole page (length = page size) when that is not shorter. A one-row
 * commit's record is usually two pages: the leaf it changed is new to the ring. (Holding pages
 * freed since the checkpoint, so that a record could delta against any page it copied, made it
 * one page but wrote five times the pages at each checkpoint and grew the file by tens of MiB;
 * with the record written {@code O_DIRECT} the second page costs about 3 µs.)
 *
 * <p>Invariants:
 * <ol>
 *   <li>The records after the newest valid meta start at ring page 0 and follow one another
 *       without gaps, in commit order; a record is written only after the one before it is
 *       durable.
 *   <li>Only a checkpoint empties the ring: every page a logged commit wrote goes in place, a
 *       sync, a meta for the newest state, a sync. Until that meta is durable the
 *       ring is not rewritten from page 0, so the older meta plus the ring still recover.
 *   <li>A record is replayed only if its header checksum is valid, its first txn id follows the
 *       state before it, and every page it rebuilds has its listed page number, a txn id of the
 *       group, a valid checksum and the checksum the record lists. Records of an older lap carry
 *       older txn ids; the leftovers of a lost commit whose txn ids were reused fail the listed
 *       checksums. A delta's source is live in the state the record follows and was written by an
 *       earlier record of the same ring, so the replay has rewritten it by then (a page of the
 *       meta's state may have been freed and reused, and written in place by a checkpoint that
 *       did not finish); it is never a page the same record writes.
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
  /** Transaction id of the newest meta: the state the ring's records follow. */
  private long baseTxnId;
  private ByteBuffer recordBuffer;
  private ByteBuffer headerView;
  /** The base of a page recorded without a source: its zero runs are left out. */
  private final ByteBuffer zeroPage;

  CommitLog(long startPage, int ringPages, int pageSize, int next, long syncedLength,
      long baseTxnId) {
    this.startPage = startPage;
    this.ringPages = ringPages;
    this.pageSize = pageSize;
    this.next = next;
    this.syncedLength = syncedLength;
    this.baseTxnId = baseTxnId;
    this.zeroPage = ByteBuffer.allocate(pageSize);
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

  /**
   * Records that a checkpoint made everything up to file length {@code length} durable, with a
   * meta for transaction {@code metaTxnId}.
   */
  void emptied(long length, long metaTxnId) {
    next = 0;
    syncedLength = length;
    baseTxnId = metaTxnId;
  }

  /**
   * Makes {@code state} durable with one record holding {@code livePages} (sorted here), or
   * returns null if it cannot: the file grew since the last sync, or the record does not fit in
   * the ring's free part or its list in a meta page. A page copied from a page of the durable
   * state ({@code sources}) is recorded as its differences from that page, any other page whole.
   * Returns the state, still naming the meta page of {@code durable}.
   */
  Snapshot tryAppend(Pager pager, Region region, Snapshot state, Snapshot durable,
      LongList livePages, LongObjectMap<Long> sources) {
    int n = livePages.size();
    if (region.length() != syncedLength) {
      return null;
    }
    byte[] numbers = PageNumberCodec.encode(livePages);
    int listBytes = numbers.length + ENTRY_BYTES * n;
    if (!MetaLayout.listFits(listBytes, pageSize) || next + 1 > ringPages) {
      return null;
    }
    int payloadStart = MetaLayout.COMMIT_LIST + listBytes;
    int room = (ringPages - next) * pageSize;
    ByteBuffer record = recordBuffer(Math.min(room, payloadStart + n * pageSize));
    record.position(payloadStart);
    ByteBuffer list = ByteBuffer.wrap(Arrays.copyOf(numbers, listBytes));
    list.position(numbers.length);
    for (int i = 0; i < n; i++) {
      ByteBuffer image = pager.raw(livePages.get(i));
      Long copied = sources.get(livePages.get(i));
      ByteBuffer base = deltaBase(pager, copied, durable.txnId);
      long source = base == null ? 0 : copied;
      if (record.remaining() < pageSize) {
        return null;
      }
      int length = base == null ? -1 : PageDelta.encode(base, image, pageSize, record,
          pageSize / 2);
      if (length < 0) {
        source = 0;
        length = PageDelta.encode(zeroPage, image, pageSize, record, pageSize);
      }
      if (length < 0) {
        length = pageSize;
        record.put(image.duplicate().clear());
      }
      list.putInt(image.getInt(PageLayout.CHECKSUM)).putLong(source).putInt(length);
    }
    int recordPages = (record.position() + pageSize - 1) / pageSize;
    long headerPage = startPage + next;
    Snapshot header = state.withMeta(headerPage, durable.txnId + 1, n, list.array());
    if (headerView == null) {
      headerView = ByteBuffer.allocate(pageSize);
    }
    header.writeTo(headerView.clear(), (byte) CommitProtocol.LOGGED.ordinal());
    record.put(0, headerView, 0, payloadStart);
    // Stale bytes of an earlier record would only be ignored, but the file stays deterministic.
    Arrays.fill(record.array(), record.position(), recordPages * pageSize, (byte) 0);
    Checksums.sealPage(record.slice(0, pageSize), pageSize);
    region.storeDurably(pager.offsetOf(headerPage), record.flip().limit(recordPages * pageSize));
    next += recordPages;
    return state.withMeta(durable.metaPage, durable.txnId + 1, 0, new byte[0]);
  }

  /** Bytes per page in a record's list after the page numbers: checksum, source, length. */
  private static final int ENTRY_BYTES = 16;

  /**
   * The page a delta may be taken against (the committed page {@code source} this one was copied
   * from), or null. It must be live in the durable state (written at or before it) and written by
   * a record of this ring (after the meta): a replay rewrites exactly those pages before it reads
   * the source, while a page of the meta's state may since have been freed and reused.
   */
  private ByteBuffer deltaBase(Pager pager, Long source, long durableTxnId) {
    if (source == null || source == 0) {
      return null;
    }
    ByteBuffer page = pager.raw(source);
    long txnId = page.getLong(PageLayout.TXN_ID);
    return page.getLong(PageLayout.PAGE_NUMBER) == source && txnId > baseTxnId
        && txnId <= durableTxnId ? page : null;
  }

  private ByteBuffer recordBuffer(int bytes) {
    int capacity = (bytes + pageSize - 1) / pageSize * pageSize;
    if (recordBuffer == null || recordBuffer.capacity() < capacity) {
      recordBuffer = ByteBuffer.allocate(Math.max(capacity, 8 * pageSize));
    }
    return recordBuffer.clear().limit(capacity);
  }

  /** What replaying the ring after a meta found. */
  record Replay(Snapshot state, int nextPage, int records) {}

  /** Receives the pages of a replayed record, in ring order; each buffer is its own to keep. */
  interface ImageSink {
    void accept(long pageNumber, ByteBuffer image);
  }

  /**
   * Replays the records that follow {@code meta}: hands each valid record's pages to
   * {@code sink} and returns the newest state (naming {@code meta}'s page) and where the ring
   * continues.
   */
  static Replay replay(Pager pager, Snapshot meta, long startPage, int ringPages,
      long filePages, ImageSink sink) {
    int pageSize = pager.pageSize();
    Snapshot state = meta;
    int at = 0;
    int records = 0;
    while (at < ringPages) {
      Snapshot header = Snapshot.readFrom(pager.raw(startPage + at), pageSize, startPage + at,
          filePages);
      if (header == null || header.firstTxnId != state.txnId + 1) {
        break;
      }
      Record record = Record.read(pager, header, startPage, ringPages, at, meta.txnId);
      if (record == null) {
        break;
      }
      for (int i = 0; i < record.numbers.size(); i++) {
        sink.accept(record.numbers.get(i), record.pages[i]);
      }
      state = header.withMeta(meta.metaPage, header.firstTxnId, 0, new byte[0]);
      at += record.ringPages;
      records++;
    }
    return new Replay(state, at, records);
  }

  /** One record's pages, rebuilt and checked; {@code ringPages} is how many ring pages it took. */
  private record Record(LongList numbers, ByteBuffer[] pages, int ringPages) {
    /**
     * Rebuilds the pages of the record at ring page {@code at}, or returns null if the record is
     * torn, stale or damaged: every page must come out with its listed number and checksum and a
     * txn id of the group, outside the ring and inside the database.
     */
    static Record read(Pager pager, Snapshot header, long startPage, int ringPages, int at,
        long metaTxnId) {
      int pageSize = pager.pageSize();
      int n = header.listedPages;
      byte[] list = header.commitList;
      int numberBytes = list.length - ENTRY_BYTES * n;
      if (n < 0 || numberBytes < 0) {
        return null;
      }
      LongList numbers = new LongList();
      try {
        PageNumberCodec.decode(list, 0, numberBytes, numbers);
      } catch (IllegalArgumentException e) {
        return null;
      }
      if (numbers.size() != n) {
        return null;
      }
      ByteBuffer entries = ByteBuffer.wrap(list, numberBytes, ENTRY_BYTES * n);
      long payload = 0;
      for (int i = 0; i < n; i++) {
        payload += Math.max(0, entries.getInt(numberBytes + ENTRY_BYTES * i + 12));
      }
      long bytes = MetaLayout.COMMIT_LIST + list.length + payload;
      int pages = (int) Math.min(Integer.MAX_VALUE, (bytes + pageSize - 1) / pageSize);
      if (pages > ringPages - at) {
        return null;
      }
      byte[] raw = new byte[pages * pageSize];
      for (int p = 0; p < pages; p++) {
        pager.raw(startPage + at + p).get(0, raw, p * pageSize, pageSize);
      }
      ByteBuffer[] rebuilt = new ByteBuffer[n];
      int offset = MetaLayout.COMMIT_LIST + list.length;
      for (int i = 0; i < n; i++) {
        int entry = numberBytes + ENTRY_BYTES * i;
        int checksum = entries.getInt(entry);
        long source = entries.getLong(entry + 4);
        int length = entries.getInt(entry + 12);
        long number = numbers.get(i);
        ByteBuffer page = ByteBuffer.allocate(pageSize);
        if (source == 0 && length == pageSize) {
          page.put(0, raw, offset, pageSize);
        } else if (source == 0) {
          if (length < 0 || !PageDelta.apply(raw, offset, length, page, pageSize)) {
            return null;
          }
        } else {
          if (source < PageLayout.FIRST_DATA_PAGE || source >= header.pageCount || length < 0) {
            return null;
          }
          ByteBuffer base = pager.raw(source);
          long baseTxn = base.getLong(PageLayout.TXN_ID);
          if (baseTxn <= metaTxnId || baseTxn >= header.firstTxnId) {
            return null;
          }
          page.put(0, base, 0, pageSize);
          if (!PageDelta.apply(raw, offset, length, page, pageSize)) {
            return null;
          }
        }
        offset += length;
        if (number < PageLayout.FIRST_DATA_PAGE || number >= header.pageCount
            || (number >= startPage && number < startPage + ringPages)
            || page.getInt(PageLayout.CHECKSUM) != checksum
            || !header.wrote(page, number, pageSize)) {
          return null;
        }
        rebuilt[i] = page;
      }
      return new Record(numbers, rebuilt, pages);
    }
  }
}
