package dev.ferrite.storage;

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

  private Store(StoreCore core) {
    this.core = core;
  }

  /**
   * Opens the database file at {@code path} on the page-cache backend, creating it if allowed.
   *
   * @throws StorageException NOT_A_DATABASE for foreign or newer files, LOCKED if another process
   *     or another store in this JVM has it open, CORRUPT for damaged files
   */
  public static Store open(Path path, StoreOptions options) {
    FileRegion region = FileRegion.open(path, options.create(), options.readOnly(),
        options.chunkShift());
    try {
      return new Store(StoreCore.open(region, options));
    } catch (RuntimeException e) {
      region.close();
      throw e;
    }
  }

  /** Opens a database over any region (a durability backend or the crash simulator). */
  public static Store open(Region region, StoreOptions options) {
    return new Store(StoreCore.open(region, options));
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

  /** Id of the newest committed transaction. */
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
