package dev.ferrite.storage;

import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.region.FileRegion;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.txn.IntegrityCheck;
import dev.ferrite.storage.txn.ReadContext;
import dev.ferrite.storage.txn.StoreCore;
import java.nio.file.Path;

/**
 * An open database file: many named B+trees of byte keys and values, in one memory-mapped file,
 * with snapshot-isolated transactions (one writer, any number of readers that never block).
 *
 * <pre>{@code
 * try (Store store = Store.open(Path.of("data.db"), StoreOptions.defaults())) {
 *   try (WriteTransaction txn = store.beginWrite()) {
 *     txn.createTree("t").put(key, value);
 *     txn.commit();                       // durable when this returns
 *   }
 *   try (ReadTransaction txn = store.beginRead()) {
 *     byte[] value = txn.tree("t").get(key);
 *   }
 * }
 * }</pre>
 *
 * <p>Thread-safety: a {@code Store} is shared by all threads; each transaction belongs to one
 * thread at a time.
 */
public final class Store implements AutoCloseable {
  private final StoreCore core;
  private final DurabilitySelector.Selection durability;
  private String movedFrom;

  private Store(StoreCore core, DurabilitySelector.Selection durability) {
    this.core = core;
    this.durability = durability;
  }

  /**
   * Opens the database file at {@code path} on the page-cache backend, creating it if allowed.
   *
   * @throws StorageException NOT_A_DATABASE for foreign or newer files, LOCKED if another process
   *     or another store in this JVM has it open, CORRUPT for damaged files
   */
  public static Store open(Path path, StoreOptions options) {
    Path absolute = path.toAbsolutePath();
    DurabilitySelector.Selection selection = options.readOnly() ? DurabilitySelector.readOnly()
        : DurabilitySelector.select(options.durability(), absolute.getParent());
    FileRegion region = FileRegion.open(absolute, options.create(), options.readOnly(),
        options.chunkShift(), selection.backend().writePath(selection.forcedPmem()));
    try {
      Store store = new Store(StoreCore.open(region, options), selection);
      if (!options.readOnly()) {
        store.recordDurability(selection);
      }
      return store;
    } catch (RuntimeException e) {
      region.close();
      throw e;
    }
  }

  /** Opens a database over any region (the crash simulator, tests); no durability record. */
  public static Store open(Region region, StoreOptions options) {
    return new Store(StoreCore.open(region, options), null);
  }

  /**
   * Records the durability decision in the file header. If the backend differs from the one
   * recorded by the previous open, the file moved to a platform with another persistence
   * boundary: say so, and use the new one.
   */
  private void recordDurability(DurabilitySelector.Selection selection) {
    String report = selection.report();
    String previous = core.headerRecord();
    if (report.equals(previous)) {
      return;
    }
    // DEBUG: every new database records a decision; a change of platform is the WARNING below.
    System.getLogger("dev.ferrite.storage").log(System.Logger.Level.DEBUG,
        "durability decision for {0}:\n{1}", core.region() instanceof FileRegion file
            ? file.path() : "region", report);
    if (previous != null && !firstLine(previous).equals(firstLine(report))) {
      movedFrom = firstLine(previous);
      System.getLogger("dev.ferrite.storage").log(System.Logger.Level.WARNING,
          "database moved to a platform with a different persistence boundary: was "
              + movedFrom + ", now " + firstLine(report));
    }
    core.writeHeaderRecord(report);
  }

  private static String firstLine(String report) {
    int end = report.indexOf('\n');
    return end < 0 ? report : report.substring(0, end);
  }

  /** The durability decision recorded in the file header (with its evidence), or null. */
  public String recordedDurability() {
    return core.headerRecord();
  }

  /**
   * If this open found the database last used with another backend, that backend's line of the
   * record (e.g. {@code "backend: dax"}); otherwise null.
   */
  public String movedFrom() {
    return movedFrom;
  }

  /**
   * The durability backend in use and the evidence for it, or null for a store opened over a
   * caller-supplied region.
   */
  public DurabilitySelector.Selection durability() {
    return durability;
  }

  /** Begins a read transaction on the newest committed state. Never blocks. */
  public ReadTransaction beginRead() {
    return new ReadTransaction(core.beginRead());
  }

  /**
   * Begins the write transaction, waiting up to the busy timeout if another is active.
   *
   * @throws StorageException BUSY after the timeout, PANIC after a durability failure
   */
  public WriteTransaction beginWrite() {
    return new WriteTransaction(core, core.beginWrite());
  }

  /** Checks the newest committed state completely (see {@link IntegrityReport}). */
  public IntegrityReport verify() {
    ReadContext txn = core.beginRead();
    try {
      return IntegrityCheck.run(txn);
    } finally {
      txn.close();
    }
  }

  /**
   * Commits made and syncs issued since open, as {@code {syncs, commits}} (PAGE regions; with
   * concurrent committers, group commit makes syncs fewer than commits).
   */
  public long[] syncsAndCommits() {
    return core.groupCommitCounts();
  }

  /** Id of the newest durable transaction (what new readers see). */
  public long lastCommittedTxnId() {
    return core.lastCommitted().txnId();
  }

  /** Pages below the high-water mark of the newest committed state. */
  public long pageCount() {
    return core.lastCommitted().pageCount();
  }

  /** The page size of this database. */
  public int pageSize() {
    return core.pageSize();
  }

  /** Longest key a tree accepts. */
  public int maxKeyLength() {
    return dev.ferrite.storage.btree.BTree.maxKeyLength(core.pageSize());
  }

  /** Length of the database file (or region) in bytes. */
  public long fileLength() {
    return core.region().length();
  }

  /**
   * What opening had to discard, or null: set when the newest commit's pages were not all intact
   * on disk (a crash before the commit was acknowledged, or damage), so the previous commit is the
   * state. Also logged as a warning.
   */
  public String recoveryNote() {
    return core.recoveryNote();
  }

  /** The failure that made the store refuse writes, or null while it is healthy. */
  public Throwable panicCause() {
    return core.panicCause();
  }

  /** Closes the store. Transactions still open become unusable. */
  @Override
  public void close() {
    core.close();
  }
}
