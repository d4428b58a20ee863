package dev.ferrite.storage;

import dev.ferrite.storage.txn.StoreCore;

/** A commit made with {@link WriteTransaction#commitDeferred()} that may not be durable yet. */
public final class PendingCommit {
  private final StoreCore core;
  private final long txnId;

  PendingCommit(StoreCore core, long txnId) {
    this.core = core;
    this.txnId = txnId;
  }

  /** The commit's transaction id. */
  public long txnId() {
    return txnId;
  }

  /** Whether the commit is durable (and visible to new readers). */
  public boolean isDurable() {
    return core.lastCommitted().txnId() >= txnId;
  }

  /**
   * Waits until the commit is durable, leading the sync of its group if no other thread is.
   *
   * @throws StorageException PANIC if the sync failed (the commit is then lost)
   */
  public void awaitDurable() {
    core.awaitDurable(txnId);
  }
}
