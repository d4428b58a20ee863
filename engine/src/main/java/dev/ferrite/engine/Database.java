package dev.ferrite.engine;

import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.CatalogStore;
import dev.ferrite.engine.session.TemplateCache;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.durability.Durability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * An open database: one store file (or a named in-memory database) with its catalog and plan
 * cache. Thread-safe; create a {@link Session} per user or connection. Opening the same file
 * twice in one JVM returns the same open database (reference counted); another process gets
 * SQLSTATE 08001. An in-memory database ({@code mem:NAME}) is a store file in {@code /dev/shm}
 * (or the temp directory) with durability {@code none}, deleted when its last user closes it.
 */
public final class Database implements AutoCloseable {
  private static final Map<String, Database> OPEN = new HashMap<>();

  private final String key;
  private final String location;
  private final DatabaseOptions options;
  private final Store store;
  private final Path deleteOnClose;
  private final TemplateCache plans = new TemplateCache();
  private int users = 1;
  private volatile boolean closed;
  private volatile CatalogAt latest;

  /** A catalog and the committed transaction it was read at. */
  private static final class CatalogAt {
    final Catalog catalog;
    final long txnId;

    CatalogAt(Catalog catalog, long txnId) {
      this.catalog = catalog;
      this.txnId = txnId;
    }
  }

  private Database(String key, String location, DatabaseOptions options, Store store, Path deleteOnClose) {
    this.key = key;
    this.location = location;
    this.options = options;
    this.store = store;
    this.deleteOnClose = deleteOnClose;
  }

  /**
   * Opens (or creates) the database at {@code location}: a file path, or {@code mem:NAME} for an
   * in-memory database that lives until its last user closes it.
   */
  public static Database open(String location, DatabaseOptions options) {
    Warmup.start();
    boolean memory = location.startsWith("mem:");
    String key = memory ? location : Path.of(location).toAbsolutePath().normalize().toString();
    synchronized (OPEN) {
      Database db = OPEN.get(key);
      if (db != null) {
        if (options.readOnly() != db.options.readOnly()) {
          throw new EngineException(SqlStates.CANNOT_CONNECT, "database " + location + " is already open "
              + (db.options.readOnly() ? "read-only" : "read-write") + " in this JVM");
        }
        db.users++;
        return db;
      }
      db = memory ? openMemory(key, options) : openFile(key, location, options);
      OPEN.put(key, db);
      return db;
    }
  }

  private static StoreOptions storeOptions(DatabaseOptions o) {
    return StoreOptions.defaults().withDurability(o.durability()).withReadOnly(o.readOnly())
        .withCreate(o.create()).withBusyTimeoutMillis(o.busyTimeoutMillis());
  }

  private static Database openFile(String key, String location, DatabaseOptions options) {
    Path path = Path.of(key);
    if (!options.create() && !Files.exists(path)) {
      throw new EngineException(SqlStates.CANNOT_CONNECT, "database " + location + " does not exist (create=false)");
    }
    try {
      return new Database(key, location, options, Store.open(path, storeOptions(options)), null);
    } catch (StorageException e) {
      throw cannotOpen(location, e);
    }
  }

  private static Database openMemory(String key, DatabaseOptions options) {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir = Files.isDirectory(shm) && Files.isWritable(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"));
      Path file = Files.createTempFile(dir, "ferrite-mem-", ".db");
      Files.delete(file);
      // Nothing is synced in memory, so a commit log would only copy every commit's pages.
      StoreOptions so = storeOptions(options).withDurability(Durability.NONE).withCreate(true)
          .withReadOnly(false).withInitialSizeBytes(1 << 20).withLogBytes(0)
          .withCommitProtocol(CommitProtocol.SINGLE_SYNC);
      return new Database(key, key, options, Store.open(file, so), file);
    } catch (IOException e) {
      throw new EngineException(SqlStates.CANNOT_CONNECT, "cannot create in-memory database: " + e.getMessage(), e);
    } catch (StorageException e) {
      throw cannotOpen(key, e);
    }
  }

  private static EngineException cannotOpen(String location, StorageException e) {
    if (e.code() == StorageErrorCode.LOCKED || e.code() == StorageErrorCode.NOT_A_DATABASE
        || e.code() == StorageErrorCode.MISUSE) {
      return new EngineException(SqlStates.CANNOT_CONNECT, "cannot open database " + location + ": " + e.getMessage(), e);
    }
    EngineException t = Storage.translate(e);
    return new EngineException(t.sqlState(), "cannot open database " + location + ": " + e.getMessage(), e);
  }

  /** Starts a session: autocommit on, SERIALIZABLE, read-write unless the database is read-only. */
  public Session openSession() {
    checkOpen();
    return new Session(this);
  }

  /** The location it was opened with. */
  public String location() {
    return location;
  }

  /** Whether it was opened read-only. */
  public boolean readOnly() {
    return options.readOnly();
  }

  public DatabaseOptions options() {
    return options;
  }

  /** The underlying store (for tools: verify, info, durability report). */
  public Store store() {
    return store;
  }

  public boolean isClosed() {
    return closed;
  }

  void checkOpen() {
    if (closed) {
      throw new EngineException(SqlStates.CONNECTION_FAILURE, "database " + location + " is closed");
    }
  }

  /** The catalog of the newest committed state; cheap when nothing was committed since the last call. */
  Catalog latestCatalog() {
    CatalogAt at = latest;
    long last = store.lastCommittedTxnId();
    if (at != null && at.txnId == last) {
      return at.catalog;
    }
    try (ReadTransaction rt = Storage.call(store::beginRead)) {
      Catalog c = catalogOf(rt);
      latest = new CatalogAt(c, rt.snapshotTxnId());
      return c;
    }
  }

  /** The committed catalog visible to {@code rt}, reusing the cached one when its version matches. */
  Catalog catalogOf(ReadTransaction rt) {
    CatalogAt at = latest;
    // The catalog of a committed state never changes: a snapshot of the cached state needs no read.
    if (at != null && at.txnId == rt.snapshotTxnId()) {
      return at.catalog;
    }
    long version = Storage.call(() -> CatalogStore.persistedVersion(rt));
    if (at != null && at.catalog.version() == version) {
      return at.catalog;
    }
    Catalog c = Storage.call(() -> CatalogStore.load(rt, version));
    if (at == null || version > at.catalog.version()) {
      latest = new CatalogAt(c, rt.snapshotTxnId());
    }
    return c;
  }

  TemplateCache plans() {
    return plans;
  }

  /** Plan-cache hit and miss counts, for tools and benchmarks. */
  public String planCacheStats() {
    return plans.stats();
  }

  /** Releases this user's reference; the last close closes the store. */
  @Override
  public void close() {
    synchronized (OPEN) {
      if (closed || --users > 0) {
        return;
      }
      closed = true;
      OPEN.remove(key);
    }
    try {
      store.close();
    } catch (StorageException e) {
      throw Storage.translate(e);
    } finally {
      if (deleteOnClose != null) {
        try {
          Files.deleteIfExists(deleteOnClose);
        } catch (IOException ignored) {
          // A leftover temp file in /dev/shm is harmless; nothing else refers to it.
        }
      }
    }
  }
}
