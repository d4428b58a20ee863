package dev.ferrite.storage;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.page.PageLayout;

/**
 * Settings of an open store; immutable, changed with the {@code with...} methods:
 * {@code StoreOptions.defaults().withBusyTimeoutMillis(500)}.
 */
public final class StoreOptions {
  private int pageSize = 4096;
  private long initialSizeBytes = 1 << 20;
  private long minGrowthBytes = 4 << 20;
  private long maxGrowthBytes = 1L << 30;
  private int chunkShift = 30;
  private long busyTimeoutMillis = 5000;
  private int maxReaders = 1024;
  private int maxDirtyPages = defaultMaxDirtyPages();
  private boolean create = true;
  private boolean readOnly;
  private CommitProtocol commitProtocol = CommitProtocol.LOGGED;
  private long logBytes = 4 << 20;
  private Durability durability = Durability.AUTO;

  private StoreOptions() {}

  /**
   * An eighth of the maximum heap in 4 KiB pages, between 1,024 (4 MiB) and 131,072 (512 MiB,
   * LMDB's dirty-page limit): large transactions stay in memory where the heap allows it.
   */
  private static int defaultMaxDirtyPages() {
    long pages = Runtime.getRuntime().maxMemory() / 8 / 4096;
    return (int) Math.max(1024, Math.min(131_072, pages));
  }

  /**
   * The defaults: 4 KiB pages, a 1 MiB file that doubles as it grows (at least 4 MiB, at most
   * 1 GiB at a time), 1 GiB mapping chunks, 5 s busy timeout, 1024 readers, an eighth of the heap
   * (4 to 512 MiB) of dirty pages before spilling, create if missing, logged commits with a 4 MiB commit log, durability chosen by the
   * probe.
   */
  public static StoreOptions defaults() {
    return new StoreOptions();
  }

  private StoreOptions copy() {
    StoreOptions c = new StoreOptions();
    c.pageSize = pageSize;
    c.initialSizeBytes = initialSizeBytes;
    c.minGrowthBytes = minGrowthBytes;
    c.maxGrowthBytes = maxGrowthBytes;
    c.chunkShift = chunkShift;
    c.busyTimeoutMillis = busyTimeoutMillis;
    c.maxReaders = maxReaders;
    c.maxDirtyPages = maxDirtyPages;
    c.create = create;
    c.readOnly = readOnly;
    c.commitProtocol = commitProtocol;
    c.logBytes = logBytes;
    c.durability = durability;
    return c;
  }

  /** Page size of a new database: a power of two from 4096 to 32768. */
  public StoreOptions withPageSize(int bytes) {
    if (Integer.bitCount(bytes) != 1 || bytes < PageLayout.MIN_PAGE_SIZE
        || bytes > PageLayout.MAX_PAGE_SIZE) {
      throw new IllegalArgumentException("page size must be a power of two in [4096, 32768]");
    }
    StoreOptions c = copy();
    c.pageSize = bytes;
    return c;
  }

  /** Size of a newly created file. */
  public StoreOptions withInitialSizeBytes(long bytes) {
    StoreOptions c = copy();
    c.initialSizeBytes = bytes;
    return c;
  }

  /** Smallest step by which the file grows. */
  public StoreOptions withMinGrowthBytes(long bytes) {
    StoreOptions c = copy();
    c.minGrowthBytes = bytes;
    return c;
  }

  /** log2 of the size of each read mapping (tests use small chunks to cross chunk borders). */
  public StoreOptions withChunkShift(int shift) {
    if (shift < 15 || shift > 30) {
      throw new IllegalArgumentException("chunk shift must be in [15, 30]");
    }
    StoreOptions c = copy();
    c.chunkShift = shift;
    return c;
  }

  /** How long a second writer waits for the write lock before failing with BUSY. */
  public StoreOptions withBusyTimeoutMillis(long millis) {
    StoreOptions c = copy();
    c.busyTimeoutMillis = millis;
    return c;
  }

  /** Maximum number of concurrently open read transactions. */
  public StoreOptions withMaxReaders(int readers) {
    StoreOptions c = copy();
    c.maxReaders = readers;
    return c;
  }

  /** Dirty pages a write transaction keeps in heap before writing them out early. */
  public StoreOptions withMaxDirtyPages(int pages) {
    StoreOptions c = copy();
    c.maxDirtyPages = pages;
    return c;
  }

  /** Whether opening a missing or empty file creates the database. */
  public StoreOptions withCreate(boolean allowed) {
    StoreOptions c = copy();
    c.create = allowed;
    return c;
  }

  /** Opens the file read-only (shared lock; no write transactions, no creation). */
  public StoreOptions withReadOnly(boolean value) {
    StoreOptions c = copy();
    c.readOnly = value;
    c.create = c.create && !value;
    return c;
  }

  /** The commit protocol on PAGE-granularity regions. */
  public StoreOptions withCommitProtocol(CommitProtocol protocol) {
    StoreOptions c = copy();
    c.commitProtocol = protocol;
    return c;
  }

  /**
   * Size of the commit log ring reserved when a database is created (rounded down to pages; 0:
   * no log, commits use {@link CommitProtocol#SINGLE_SYNC}). Ignored when opening an existing file.
   */
  public StoreOptions withLogBytes(long bytes) {
    if (bytes < 0) {
      throw new IllegalArgumentException("log size must not be negative");
    }
    StoreOptions c = copy();
    c.logBytes = bytes;
    return c;
  }

  /** Where commits become durable: {@code AUTO} (probe, the default) or a named backend. */
  public StoreOptions withDurability(Durability value) {
    StoreOptions c = copy();
    c.durability = value;
    return c;
  }

  public Durability durability() {
    return durability;
  }

  public int pageSize() {
    return pageSize;
  }

  public long initialSizeBytes() {
    return initialSizeBytes;
  }

  public long minGrowthBytes() {
    return minGrowthBytes;
  }

  public long maxGrowthBytes() {
    return maxGrowthBytes;
  }

  public int chunkShift() {
    return chunkShift;
  }

  public long busyTimeoutMillis() {
    return busyTimeoutMillis;
  }

  public int maxReaders() {
    return maxReaders;
  }

  public int maxDirtyPages() {
    return maxDirtyPages;
  }

  public boolean create() {
    return create;
  }

  public boolean readOnly() {
    return readOnly;
  }

  public long logBytes() {
    return logBytes;
  }

  public CommitProtocol commitProtocol() {
    return commitProtocol;
  }
}
