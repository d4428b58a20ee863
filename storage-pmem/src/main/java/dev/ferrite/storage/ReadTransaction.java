package dev.ferrite.storage;

import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.txn.ReadContext;
import java.util.List;

/**
 * A consistent snapshot of the database: sees every transaction committed before it began and
 * nothing after. Never blocks and is never blocked. Close it promptly: pages it can see are not
 * reused while it is open, so a forgotten reader makes the file grow.
 */
public class ReadTransaction implements AutoCloseable {
  final ReadContext context;

  ReadTransaction(ReadContext context) {
    this.context = context;
  }

  /** Id of the committed transaction whose state this transaction sees. */
  public long snapshotTxnId() {
    return context.snapshot().txnId();
  }

  /** Whether a tree named {@code name} exists. */
  public boolean hasTree(String name) {
    return context.tree(name) != null;
  }

  /**
   * Returns tree {@code name}.
   *
   * @throws StorageException MISUSE if there is no such tree
   */
  public Tree tree(String name) {
    TreeRoot root = context.tree(name);
    if (root == null) {
      throw new StorageException(StorageErrorCode.MISUSE, "no tree named '" + name + "'");
    }
    return new Tree(this, name, root);
  }

  /** Names of all trees. */
  public List<String> treeNames() {
    return context.treeNames();
  }

  boolean writable() {
    return false;
  }

  /** Ends the transaction. */
  @Override
  public void close() {
    context.close();
  }
}
