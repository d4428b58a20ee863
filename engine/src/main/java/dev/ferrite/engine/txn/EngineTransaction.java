package dev.ferrite.engine.txn;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.IsolationLevel;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * One engine transaction. States:
 * <pre>
 *   READING --first write--> WRITING --commit/rollback--> ENDED
 *      \--------------------commit/rollback-------------/
 * </pre>
 * READING holds a shared storage snapshot taken at the first statement (SERIALIZABLE) or
 * refreshed per statement (READ COMMITTED). The first write takes the store's single write
 * transaction (waiting up to the busy timeout) and, under SERIALIZABLE, fails with 40001 if
 * anyone committed after the snapshot: writers then always work on the newest state, one at a
 * time, which makes the schedule serializable. In WRITING every read goes through the write
 * transaction, so statements see their own writes.
 */
public final class EngineTransaction {
  private static final String SEQUENCES = "sys.sequences";

  private final Store store;
  private final Function<ReadTransaction, Catalog> catalogLoader;
  private final IsolationLevel isolation;
  private final boolean readOnly;
  private final boolean keepUndo;
  private SharedSnapshot snapshot;
  private WriteTransaction write;
  private Catalog catalog;
  private boolean catalogDirty;
  private boolean ended;
  private int statements;
  private final UndoLog undo = new UndoLog();
  private final Map<String, Tree> trees = new HashMap<>();
  private final Map<String, long[]> sequences = new HashMap<>();
  private final List<String> dropsAtCommit = new ArrayList<>();

  /**
   * Begins a transaction with a new snapshot.
   *
   * @param keepUndo whether to log undo records (explicit transactions, for savepoints and
   *     statement rollback); an autocommit statement aborts instead
   */
  public EngineTransaction(Store store, Function<ReadTransaction, Catalog> catalogLoader,
      IsolationLevel isolation, boolean readOnly, boolean keepUndo) {
    this.store = store;
    this.catalogLoader = catalogLoader;
    this.isolation = isolation;
    this.readOnly = readOnly;
    this.keepUndo = keepUndo;
    this.snapshot = new SharedSnapshot(Storage.call(store::beginRead));
    this.catalog = catalogLoader.apply(snapshot.read());
  }

  /** Whether this transaction has taken the write lock. */
  public boolean isWriting() {
    return write != null;
  }

  /**
   * Marks the start of a statement; under READ COMMITTED, moves a transaction that has not
   * written yet to the newest snapshot.
   */
  public void beforeStatement() {
    statements++;
    if (isolation == IsolationLevel.READ_COMMITTED && write == null) {
      snapshot.release();
      trees.clear();
      snapshot = new SharedSnapshot(Storage.call(store::beginRead));
      catalog = catalogLoader.apply(snapshot.read());
    }
  }

  /** The storage view reads go through. */
  public ReadTransaction reader() {
    checkOpen();
    return write != null ? write : snapshot.read();
  }

  /**
   * The snapshot for a cursor that may outlive the statement (null while writing: cursors then
   * read through the write transaction and end with it).
   */
  public SharedSnapshot shareSnapshot() {
    return write != null ? null : snapshot.acquire();
  }

  /** A handle on tree {@code name} in the current view, cached for the transaction. */
  public Tree tree(String name) {
    Tree t = trees.get(name);
    if (t == null) {
      t = Storage.call(() -> reader().tree(name));
      trees.put(name, t);
    }
    return t;
  }

  /** The write transaction, taking the write lock on first use. */
  public WriteTransaction writer() {
    checkOpen();
    if (write != null) {
      return write;
    }
    if (readOnly) {
      throw new EngineException(SqlStates.READ_ONLY_TRANSACTION, "cannot write in a read-only transaction");
    }
    WriteTransaction w;
    try {
      w = store.beginWrite();
    } catch (StorageException e) {
      if (e.code() == StorageErrorCode.BUSY) {
        throw new EngineException(SqlStates.SERIALIZATION_FAILURE,
            "database is busy: another transaction is writing (" + e.getMessage() + "); retry the transaction", e);
      }
      throw Storage.translate(e);
    }
    // A transaction whose first statement is this write has read nothing from its snapshot:
    // it simply works on the newest state, as if it had started after the lock was granted.
    // The write transaction builds on the newest commit, durable or still waiting for its group
    // sync: its id is that commit's plus one. Anything newer than our snapshot is a conflict.
    if (isolation == IsolationLevel.SERIALIZABLE && statements > 1
        && w.txnId() - 1 != snapshot.read().snapshotTxnId()) {
      w.abort();
      throw new EngineException(SqlStates.SERIALIZATION_FAILURE,
          "could not serialize access: another transaction committed after this transaction's snapshot; retry the transaction");
    }
    write = w;
    snapshot.release();
    snapshot = null;
    trees.clear();
    if (!catalogDirty) {
      catalog = catalogLoader.apply(w);
    }
    return w;
  }

  /** The catalog this transaction sees. */
  public Catalog catalog() {
    return catalog;
  }

  /** Installs a catalog changed by DDL in this transaction (not yet committed). */
  public void setCatalog(Catalog changed) {
    catalog = changed;
    catalogDirty = true;
  }

  /** Whether DDL in this transaction changed the catalog. */
  public boolean catalogChanged() {
    return catalogDirty;
  }

  /** Whether undo records are kept. */
  public boolean keepsUndo() {
    return keepUndo;
  }

  public UndoLog undo() {
    return undo;
  }

  /** Reads a key through the current view. */
  public byte[] get(String tree, byte[] key) {
    return Storage.call(() -> tree(tree).get(key));
  }

  /** Writes {@code key}; {@code old} is its current value (null: absent), kept for undo. */
  public void put(String tree, byte[] key, byte[] value, byte[] old) {
    Tree t = writeTree(tree);
    if (keepUndo) {
      undo.recordPut(tree, key, old);
    }
    Storage.run(() -> t.put(key, value));
  }

  /** Inserts {@code key} if absent; returns false (changing nothing) if it exists. */
  public boolean insert(String tree, byte[] key, byte[] value) {
    Tree t = writeTree(tree);
    boolean inserted = Storage.call(() -> t.insert(key, value));
    if (inserted && keepUndo) {
      undo.recordPut(tree, key, null);
    }
    return inserted;
  }

  /** Deletes {@code key}, whose current value is {@code old}. */
  public void delete(String tree, byte[] key, byte[] old) {
    Tree t = writeTree(tree);
    if (keepUndo) {
      undo.recordPut(tree, key, old);
    }
    Storage.run(() -> t.delete(key));
  }

  private Tree writeTree(String name) {
    writer();
    return tree(name);
  }

  /** Creates a storage tree (undone by rollback). */
  public void createTree(String name) {
    WriteTransaction w = writer();
    Storage.run(() -> w.createTree(name));
    if (keepUndo) {
      undo.recordCreatedTree(name);
    }
  }

  /** Drops a storage tree when the transaction commits (so a rollback can still restore it). */
  public void dropTreeAtCommit(String name) {
    writer();
    dropsAtCommit.add(name);
  }

  /** Rolls back to an undo mark: a failed statement or ROLLBACK TO SAVEPOINT. */
  public void rollbackTo(int mark, int dropsMark, Catalog catalogAtMark, boolean catalogDirtyAtMark) {
    if (write != null) {
      Storage.run(() -> undo.rollbackTo(mark, write));
      trees.clear();
    }
    while (dropsAtCommit.size() > dropsMark) {
      dropsAtCommit.remove(dropsAtCommit.size() - 1);
    }
    catalog = catalogAtMark;
    catalogDirty = catalogDirtyAtMark;
  }

  /** Number of trees queued for dropping, for savepoint marks. */
  public int dropsMark() {
    return dropsAtCommit.size();
  }

  /**
   * Next value of sequence {@code name} (identity column or hidden row id), kept in memory and
   * written back at commit.
   */
  public long nextSequenceValue(String name) {
    long[] s = sequence(name);
    return s[0]++;
  }

  /** Makes sure the sequence will not hand out {@code used} or anything below it again. */
  public void observeSequenceValue(String name, long used) {
    long[] s = sequence(name);
    if (used >= s[0]) {
      s[0] = used + 1;
    }
  }

  private long[] sequence(String name) {
    long[] s = sequences.get(name);
    if (s == null) {
      WriteTransaction w = writer();
      byte[] v = w.hasTree(SEQUENCES) ? Storage.call(() -> tree(SEQUENCES).get(sequenceKey(name))) : null;
      s = new long[] {v == null ? 1 : ByteBuffer.wrap(v).getLong()};
      sequences.put(name, s);
    }
    return s;
  }

  private static byte[] sequenceKey(String name) {
    return name.getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }

  /** Commits durably. Read-only transactions just release their snapshot. */
  public void commit() {
    if (ended) {
      return;
    }
    if (write == null) {
      end();
      return;
    }
    try {
      Storage.run(() -> {
        if (!sequences.isEmpty()) {
          Tree t = write.openOrCreateTree(SEQUENCES);
          for (Map.Entry<String, long[]> e : sequences.entrySet()) {
            t.put(sequenceKey(e.getKey()), ByteBuffer.allocate(8).putLong(e.getValue()[0]).array());
          }
        }
        for (String tree : dropsAtCommit) {
          write.dropTree(tree);
        }
        write.commit();
      });
    } finally {
      end();
    }
  }

  /** Discards everything. Idempotent. */
  public void rollback() {
    if (ended) {
      return;
    }
    try {
      if (write != null) {
        write.abort();
      }
    } finally {
      end();
    }
  }

  private void end() {
    ended = true;
    if (snapshot != null) {
      snapshot.release();
      snapshot = null;
    }
    if (write != null) {
      write.close();
      write = null;
    }
    undo.clear();
    trees.clear();
  }

  public boolean isEnded() {
    return ended;
  }

  private void checkOpen() {
    if (ended) {
      throw new EngineException(SqlStates.INVALID_TRANSACTION_STATE, "the transaction has ended");
    }
  }
}
