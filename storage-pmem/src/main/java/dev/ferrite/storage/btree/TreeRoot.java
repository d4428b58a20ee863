package dev.ferrite.storage.btree;

/**
 * Mutable state of one tree inside one transaction: root page, number of entries and a
 * modification counter that lets cursors notice changes under them.
 */
public final class TreeRoot {
  long root;
  long entries;
  long modifications;
  private boolean dropped;
  private BTree.Path scratchPath;

  /** Creates the state of a tree with the given root page (0 = empty) and entry count. */
  public TreeRoot(long root, long entries) {
    this.root = root;
    this.entries = entries;
  }

  /** Root page number, 0 for an empty tree. */
  public long root() {
    return root;
  }

  /** Number of key/value entries. */
  public long entries() {
    return entries;
  }

  /** The descent path write operations on this tree reuse (one transaction, one thread). */
  BTree.Path scratchPath() {
    BTree.Path path = scratchPath;
    if (path == null) {
      path = new BTree.Path();
      scratchPath = path;
    }
    path.found = false;
    return path;
  }

  /** Marks the tree as dropped: handles still holding this state refuse further use. */
  public void markDropped() {
    dropped = true;
  }

  /** Whether the tree was dropped in this transaction. */
  public boolean isDropped() {
    return dropped;
  }

  /** Incremented by every change; cursors compare it to detect that they must re-seek. */
  public long modifications() {
    return modifications;
  }
}
