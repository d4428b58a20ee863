package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.FileHeaderLayout;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
import dev.ferrite.storage.util.PageNumberCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * Creating a database and opening an existing one. Opening reads the header, picks the newer
 * valid meta page (for a single-sync commit, only if the pages it lists all reached the disk;
 * otherwise the older meta page is the state), then replays the commit log's records that follow
 * that meta: a read of at most the log's size, never a scan of the database.
 */
final class StoreOpener {
  private StoreOpener() {}

  static StoreCore open(Region region, StoreOptions options) {
    if (isUninitialized(region, options.pageSize())) {
      if (!options.create()) {
        throw new StorageException(StorageErrorCode.NOT_A_DATABASE, "the database file is empty"
            + " and creating it was not allowed");
      }
      initialize(region, options);
    }
    FileHeader header = readHeader(region);
    int pageSize = header.pageSize();
    Pager pager = new Pager(region, pageSize);
    long filePages = region.length() / pageSize;
    Snapshot[] metas = {
        Snapshot.readFrom(pager.raw(MetaLayout.META_PAGE_0), pageSize, MetaLayout.META_PAGE_0, filePages),
        Snapshot.readFrom(pager.raw(MetaLayout.META_PAGE_1), pageSize, MetaLayout.META_PAGE_1, filePages)
    };
    if (metas[0] != null && metas[1] != null && metas[1].txnId > metas[0].txnId) {
      Snapshot swap = metas[0];
      metas[0] = metas[1];
      metas[1] = swap;
    } else if (metas[0] == null) {
      metas[0] = metas[1];
      metas[1] = null;
    }
    String note = null;
    for (Snapshot meta : metas) {
      if (meta == null) {
        continue;
      }
      String missing = commitMissing(pager, meta);
      if (missing == null) {
        CommitLog log = null;
        if (header.logPages() > 0) {
          if (header.logStart() + header.logPages() > meta.pageCount) {
            throw new StorageCorruptionException(header.logStart(), "the commit log lies outside"
                + " the database of transaction " + meta.txnId);
          }
          CommitLog.Replay replay = replayLog(region, pager, meta, header, options.readOnly());
          log = new CommitLog(header.logStart(), header.logPages(), pageSize, replay.nextPage(),
              region.length(), meta.txnId);
          meta = replay.state();
        }
        if (log != null && meta.listedPages > 0 && !options.readOnly()
            && options.commitProtocol() == CommitProtocol.LOGGED) {
          // The meta's commit list stops validating once a logged commit reuses a listed page.
          meta = Committer.checkpoint(region, pager, log, meta);
        }
        StoreCore core = new StoreCore(region, pager, meta, options, log);
        if (note != null) {
          core.recoveryNote(note + "; the state of transaction " + meta.txnId + " is used");
        }
        return core;
      }
      note = "transaction " + meta.txnId + " did not reach the disk completely (" + missing
          + "): it was interrupted before it was acknowledged, or the page was damaged since";
    }
    throw new StorageCorruptionException(MetaLayout.META_PAGE_0, "no valid meta page");
  }

  /**
   * Replays the commit log after {@code meta}: images go in place (unsynced, as a logged commit
   * leaves them), or on a read-only open served from memory.
   */
  private static CommitLog.Replay replayLog(Region region, Pager pager, Snapshot meta,
      FileHeader header, boolean readOnly) {
    long filePages = region.length() / pager.pageSize();
    if (readOnly) {
      // Served from memory at once: a later record's delta reads the pages an earlier one rebuilt.
      return CommitLog.replay(pager, meta, header.logStart(), header.logPages(), filePages,
          pager::keepUnwritten);
    }
    return CommitLog.replay(pager, meta, header.logStart(), header.logPages(), filePages,
        (number, image) -> {
          pager.storeRaw(pager.offsetOf(number), image);
          pager.markVerified(number);
        });
  }

  /**
   * Whether the region holds no database yet: empty, or what a crash during {@link #initialize}
   * leaves. Creation makes the first meta page durable, then writes the one-sector header; so an
   * interrupted creation shows either no header and at most page 1 written (possibly torn), or a
   * torn header next to a valid meta page of transaction 0, with zeros everywhere else. Any
   * other file, such as a foreign one, is never overwritten.
   */
  private static boolean isUninitialized(Region region, int pageSize) {
    long length = region.length();
    if (length == 0) {
      return true;
    }
    if (length > MAX_UNINITIALIZED_LENGTH || length < 3L * pageSize || headerIsValid(region)
        || !allZero(region, 2L * pageSize, length)
        || !allZero(region, FileHeaderLayout.CHECKED_END, pageSize)) {
      return false;
    }
    if (allZero(region, 0, FileHeaderLayout.CHECKED_END)) {
      return true;
    }
    Snapshot first = Snapshot.readFrom(region.chunk(0).slice(pageSize, pageSize), pageSize,
        MetaLayout.META_PAGE_0, length / pageSize);
    return first != null && first.txnId == 0 && first.directoryRoot == 0;
  }

  private static boolean headerIsValid(Region region) {
    ByteBuffer header = region.chunk(0).slice(0, FileHeaderLayout.CHECKED_END);
    byte[] magic = new byte[FileHeaderLayout.MAGIC_BYTES.length];
    header.get(FileHeaderLayout.MAGIC, magic);
    return Arrays.equals(magic, FileHeaderLayout.MAGIC_BYTES)
        && header.getInt(FileHeaderLayout.CHECKSUM) == headerChecksum(header);
  }

  private static final long MAX_UNINITIALIZED_LENGTH = 64L << 20;

  private static boolean allZero(Region region, long from, long to) {
    int shift = region.chunkShift();
    long mask = (1L << shift) - 1;
    for (long i = from; i < to; i++) {
      if (region.chunk((int) (i >>> shift)).get((int) (i & mask)) != 0) {
        return false;
      }
    }
    return true;
  }

  private static void initialize(Region region, StoreOptions options) {
    int pageSize = options.pageSize();
    // Cache-line regions commit with fences and never use a log.
    boolean logged = region.granularity() == Granularity.PAGE
        && options.commitProtocol() == CommitProtocol.LOGGED;
    int logPages = logged ? (int) Math.min(options.logBytes() / pageSize, MAX_LOG_PAGES) : 0;
    long firstFree = PageLayout.FIRST_DATA_PAGE + logPages;
    // The initial size is for data: the ring comes on top of it.
    long initial = firstFree * pageSize + Math.max(options.initialSizeBytes(), 8L * pageSize);
    region.grow((initial + pageSize - 1) / pageSize * pageSize);
    ByteBuffer header = ByteBuffer.allocate(pageSize);
    header.put(FileHeaderLayout.MAGIC, FileHeaderLayout.MAGIC_BYTES);
    header.putInt(FileHeaderLayout.FORMAT_VERSION, FileHeaderLayout.CURRENT_FORMAT);
    header.putInt(FileHeaderLayout.PAGE_SIZE, pageSize);
    header.putLong(FileHeaderLayout.CREATED_MILLIS, System.currentTimeMillis());
    if (logPages > 0) {
      header.putLong(FileHeaderLayout.LOG_START, PageLayout.FIRST_DATA_PAGE);
      header.putInt(FileHeaderLayout.LOG_PAGES, logPages);
    }
    header.putInt(FileHeaderLayout.CHECKSUM, headerChecksum(header));
    Snapshot empty = Snapshot.committed(0, 0, 0, firstFree)
        .withMeta(MetaLayout.META_PAGE_0, 0, 0, new byte[0]);
    ByteBuffer meta = ByteBuffer.allocate(pageSize);
    empty.writeTo(meta, (byte) 0);
    Checksums.sealPage(meta, pageSize);
    // The meta page must be durable before the header: a file with a header is a database.
    // Pager.storeRaw flushes the changed lines on cache-line regions.
    Pager pager = new Pager(region, pageSize);
    pager.storeRaw((long) pageSize * MetaLayout.META_PAGE_0, meta);
    region.sync();
    pager.storeRaw(0, header);
    region.sync();
  }

  private static int headerChecksum(ByteBuffer header) {
    return Checksums.crc32c(header, FileHeaderLayout.FORMAT_VERSION, FileHeaderLayout.CHECKED_END);
  }

  /** A commit log of more pages than this would make replay on open slow. */
  private static final int MAX_LOG_PAGES = 1 << 16;

  /** What the file header says: the page size and where the commit log is (0 pages: none). */
  private record FileHeader(int pageSize, long logStart, int logPages) {}

  /** Validates the file header. */
  private static FileHeader readHeader(Region region) {
    if (region.length() < FileHeaderLayout.CHECKED_END) {
      throw new StorageException(StorageErrorCode.NOT_A_DATABASE, "not a Ferrite database: the"
          + " file is only " + region.length() + " bytes long");
    }
    ByteBuffer header = region.chunk(0).slice(0, FileHeaderLayout.CHECKED_END);
    byte[] magic = new byte[FileHeaderLayout.MAGIC_BYTES.length];
    header.get(FileHeaderLayout.MAGIC, magic);
    if (!Arrays.equals(magic, FileHeaderLayout.MAGIC_BYTES)) {
      throw new StorageException(StorageErrorCode.NOT_A_DATABASE,
          "not a Ferrite database (wrong magic number)");
    }
    if (header.getInt(FileHeaderLayout.CHECKSUM) != headerChecksum(header)) {
      throw new StorageCorruptionException(0, "file header checksum mismatch");
    }
    int version = header.getInt(FileHeaderLayout.FORMAT_VERSION);
    if (version > FileHeaderLayout.CURRENT_FORMAT || version < 1) {
      throw new StorageException(StorageErrorCode.NOT_A_DATABASE, "database format version "
          + version + " is not supported by this version of Ferrite (supports up to "
          + FileHeaderLayout.CURRENT_FORMAT + ")");
    }
    int pageSize = header.getInt(FileHeaderLayout.PAGE_SIZE);
    if (Integer.bitCount(pageSize) != 1 || pageSize < PageLayout.MIN_PAGE_SIZE
        || pageSize > PageLayout.MAX_PAGE_SIZE) {
      throw new StorageCorruptionException(0, "invalid page size " + pageSize);
    }
    if (region.length() < 3L * pageSize) {
      throw new StorageCorruptionException(-1, "file truncated to " + region.length() + " bytes");
    }
    long logStart = header.getLong(FileHeaderLayout.LOG_START);
    int logPages = header.getInt(FileHeaderLayout.LOG_PAGES);
    if (logPages < 0 || logPages > MAX_LOG_PAGES
        || (logPages > 0 && logStart != PageLayout.FIRST_DATA_PAGE)) {
      throw new StorageCorruptionException(0, "invalid commit log location in the file header"
          + " (page " + logStart + ", " + logPages + " pages)");
    }
    return new FileHeader(pageSize, logStart, logPages);
  }

  /**
   * Returns null if every page the meta lists has a valid checksum, its own page number and a
   * txn id among the commits the meta made durable; else which page did not.
   */
  private static String commitMissing(Pager pager, Snapshot meta) {
    LongList pages = new LongList();
    try {
      PageNumberCodec.decode(meta.commitList, 0, meta.commitList.length, pages);
    } catch (IllegalArgumentException e) {
      return "malformed commit list";
    }
    if (pages.size() != meta.listedPages) {
      return "commit list holds " + pages.size() + " of " + meta.listedPages + " pages";
    }
    for (int i = 0; i < pages.size(); i++) {
      long number = pages.get(i);
      if (number < PageLayout.FIRST_DATA_PAGE || number >= meta.pageCount) {
        return "listed page " + number + " outside the database";
      }
      if (!meta.wrote(pager.raw(number), number, pager.pageSize())) {
        return "page " + number;
      }
    }
    return null;
  }
}
