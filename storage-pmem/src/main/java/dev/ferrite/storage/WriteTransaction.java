package dev.ferrite.storage;

import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.txn.StoreCore;
import dev.ferrite.storage.txn.WriteContext;

/**
 * The single write transaction: reads its own writes, and its changes become visible to new
 * readers, all at once, when {@link #commit} returns, by which time they are durable. Closing
 * without committing discards everything.
 */
public final class WriteTransaction extends ReadTransaction {
  private final StoreCore core;
  private final WriteContext write;

  WriteTransaction(StoreCore core, WriteContext context) {
    super(context);
    this.core = core;
    this.write = context;
  }

  /** Id this transaction will commit as. */
  public long txnId() {
    return write.txnId();
  }

  /** Creates an empty tree; throws MISUSE if one of that name exists. */
  public Tree createTree(String name) {
    return new Tree(this, name, write.createTree(name));
  }

  /** Returns tree {@code name}, creating it if it does not exist. */
  public Tree openOrCreateTree(String name) {
    TreeRoot root = write.tree(name);
    return root != null ? new Tree(this, name, root) : createTree(name);
  }

  /** Drops tree {@code name} and frees its pages; returns false if it did not exist. */
  public boolean dropTree(String name) {
    return write.dropTree(name);
  }

  @Override
  boolean writable() {
    return true;
  }

  WriteContext write() {
    return write;
  }

  /**
   * Makes every change durable and visible, then ends the transaction.
   *
   * @throws StorageException PANIC if the changes could not be made durable (the store then
   *     refuses writes until reopened; the transaction is not committed)
   */
  public void commit() {
    core.commit(write);
  }

  /**
   * Ends the transaction as committed without waiting for it to become durable, so this thread
   * can prepare more work while a sync runs (the next write transaction may begin at once and
   * builds on this one). Readers see the commit, and {@link PendingCommit#awaitDurable} returns,
   * once a sync covers it; a crash before then loses it whole, never part of it. Closing the
   * store waits for pending commits.
   */
  public PendingCommit commitDeferred() {
    long txnId = core.commitDeferred(write);
    return new PendingCommit(core, txnId);
  }

  /** Discards every change and ends the transaction. */
  public void abort() {
    core.abort(write);
  }

  /** Aborts unless committed. */
  @Override
  public void close() {
    abort();
  }
}
