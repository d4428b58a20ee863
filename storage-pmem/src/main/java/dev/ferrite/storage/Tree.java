package dev.ferrite.storage;

import dev.ferrite.storage.btree.BTree;
import dev.ferrite.storage.btree.TreeCursor;
import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.txn.WriteContext;
import java.util.function.Function;

/**
 * A named ordered map from byte keys (compared as unsigned bytes, up to
 * {@link Store#maxKeyLength()} long) to byte values of any length, seen through one transaction.
 */
public final class Tree {
  private final ReadTransaction txn;
  private final String name;
  private final TreeRoot root;

  Tree(ReadTransaction txn, String name, TreeRoot root) {
    this.txn = txn;
    this.name = name;
    this.root = root;
  }

  /** The tree's name. */
  public String name() {
    return name;
  }

  /** Number of entries. */
  public long entries() {
    checkLive();
    return root.entries();
  }

  /** Returns the value of {@code key}, or null. */
  public byte[] get(byte[] key) {
    checkLive();
    return BTree.get(txn.context, root.root(), key);
  }

  /** Opens a cursor (unpositioned). */
  public Cursor cursor() {
    checkLive();
    return new Cursor(new TreeCursor(txn.context, root, txn.writable()));
  }

  /** Stores {@code value} under {@code key}; returns true if the key was new. */
  public boolean put(byte[] key, byte[] value) {
    return change(write -> BTree.put(write, root, key, value));
  }

  /**
   * Stores {@code value} under {@code key} unless the key exists; returns false (and changes
   * nothing) if it does.
   */
  public boolean insert(byte[] key, byte[] value) {
    return change(write -> BTree.insert(write, root, key, value));
  }

  /**
   * Appends {@code key}, which must sort after every key in the tree: the bulk-load fast path
   * (no search, full pages).
   */
  public void append(byte[] key, byte[] value) {
    change(write -> {
      BTree.append(write, root, key, value);
      return null;
    });
  }

  /** Removes {@code key}; returns true if it was present. */
  public boolean delete(byte[] key) {
    return change(write -> BTree.delete(write, root, key));
  }

  /**
   * Runs one change through the write transaction (spilling first if it holds too many dirty
   * pages). A change that fails marks the transaction failed: it may have stopped half-way.
   */
  private <T> T change(Function<WriteContext, T> change) {
    checkLive();
    if (!txn.writable()) {
      throw new StorageException(StorageErrorCode.MISUSE, "tree '" + name
          + "' was opened in a read-only transaction");
    }
    WriteContext write = ((WriteTransaction) txn).write();
    try {
      write.spillIfNeeded();
      return change.apply(write);
    } catch (RuntimeException | Error e) {
      write.failed(e);
      throw e;
    }
  }

  private void checkLive() {
    txn.context.checkOpen();
    if (root.isDropped()) {
      throw new StorageException(StorageErrorCode.MISUSE, "tree '" + name + "' was dropped");
    }
  }
}
