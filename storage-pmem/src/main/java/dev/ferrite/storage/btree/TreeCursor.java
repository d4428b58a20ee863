package dev.ferrite.storage.btree;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import java.nio.ByteBuffer;

/**
 * A position in a tree: the stack of pages from the root to a leaf cell.
 *
 * <p>In a read transaction the pages never change, so the stack stays valid for the cursor's life.
 * In a write transaction the tree may change between moves; the cursor notices through
 * {@link TreeRoot#modifications()} and re-seeks from the last key it returned, so iteration
 * continues at the right place whatever was inserted or deleted meanwhile.
 */
public final class TreeCursor {
  private static final int MAX_DEPTH = 40;

  private final PageAccess access;
  private final TreeRoot tree;
  private final boolean tracksChanges;
  private final ByteBuffer[] pages = new ByteBuffer[MAX_DEPTH];
  private final int[] indexes = new int[MAX_DEPTH];
  private int leafLevel = -1;
  private boolean positioned;
  private long seenModifications;
  private byte[] currentKey;

  /**
   * Creates an unpositioned cursor.
   *
   * @param tracksChanges whether the tree can change under the cursor (write transactions)
   */
  public TreeCursor(PageAccess access, TreeRoot tree, boolean tracksChanges) {
    this.access = access;
    this.tree = tree;
    this.tracksChanges = tracksChanges;
  }

  /** Whether the cursor is on an entry. */
  public boolean isPositioned() {
    return positioned && !stale();
  }

  private boolean stale() {
    return tracksChanges && seenModifications != tree.modifications;
  }

  /** Moves to the first entry; returns false if the tree is empty. */
  public boolean first() {
    return edge(false);
  }

  /** Moves to the last entry; returns false if the tree is empty. */
  public boolean last() {
    return edge(true);
  }

  private boolean edge(boolean last) {
    seenModifications = tree.modifications;
    if (tree.root == 0) {
      return unposition();
    }
    descendEdge(0, tree.root, last);
    return settle(last);
  }

  /** Moves to the first entry with a key at or after {@code key}; false if there is none. */
  public boolean seek(byte[] key) {
    seenModifications = tree.modifications;
    if (tree.root == 0) {
      return unposition();
    }
    long pageNumber = tree.root;
    for (int level = 0; level < MAX_DEPTH; level++) {
      ByteBuffer page = BTree.node(access, pageNumber);
      pages[level] = page;
      if (Node.isLeaf(page)) {
        int index = Node.searchLeaf(page, key);
        indexes[level] = index >= 0 ? index : -(index + 1);
        leafLevel = level;
        return settle(false);
      }
      int index = Node.searchBranch(page, key);
      indexes[level] = index;
      pageNumber = Node.child(page, index);
    }
    throw new StorageCorruptionException(tree.root, "tree deeper than " + MAX_DEPTH + " levels");
  }

  /** Moves to the next entry; returns false (and unpositions) past the last one. */
  public boolean next() {
    if (!resume()) {
      return false;
    }
    indexes[leafLevel]++;
    return settle(false);
  }

  /** Moves to the previous entry; returns false (and unpositions) before the first one. */
  public boolean prev() {
    if (stale()) {
      byte[] key = requireKey();
      if (!seek(key) && !last()) {
        return false;
      }
      if (positioned && Node.compareAt(pages[leafLevel], indexes[leafLevel], key, true) < 0) {
        return true;
      }
    } else if (!positioned) {
      return false;
    }
    indexes[leafLevel]--;
    return settle(true);
  }

  /**
   * Prepares a forward step: after a change under the cursor, re-seeks to the last key and
   * returns whether a step is still needed (false when the cursor landed on a successor).
   */
  private boolean resume() {
    if (!stale()) {
      return positioned;
    }
    byte[] key = requireKey();
    if (!seek(key)) {
      return false;
    }
    if (Node.compareAt(pages[leafLevel], indexes[leafLevel], key, true) == 0) {
      return true;
    }
    // Landed on the successor of a deleted key: that is the next entry, so do not step past it.
    indexes[leafLevel]--;
    return true;
  }

  private byte[] requireKey() {
    if (currentKey == null) {
      throw new StorageException(StorageErrorCode.MISUSE, "cursor is not positioned");
    }
    return currentKey;
  }

  /**
   * Normalizes the stack after the leaf index moved: climbs out of exhausted pages and descends
   * into the neighbouring subtree.
   */
  private boolean settle(boolean backwards) {
    int level = leafLevel;
    while (true) {
      int count = Node.count(pages[level]);
      int index = indexes[level];
      if (index >= 0 && index < count) {
        break;
      }
      if (level == 0) {
        return unposition();
      }
      level--;
      indexes[level] += backwards ? -1 : 1;
    }
    if (level < leafLevel) {
      long child = Node.child(pages[level], indexes[level]);
      descendEdge(level + 1, child, backwards);
    }
    positioned = true;
    if (tracksChanges) {
      currentKey = Node.key(pages[leafLevel], indexes[leafLevel]);
    }
    return true;
  }

  private void descendEdge(int fromLevel, long pageNumber, boolean last) {
    for (int level = fromLevel; level < MAX_DEPTH; level++) {
      ByteBuffer page = BTree.node(access, pageNumber);
      pages[level] = page;
      int count = Node.count(page);
      indexes[level] = last ? count - 1 : 0;
      if (Node.isLeaf(page)) {
        leafLevel = level;
        if (level == 0 && count == 0) {
          indexes[level] = 0;
        }
        return;
      }
      pageNumber = Node.child(page, indexes[level]);
    }
    throw new StorageCorruptionException(tree.root, "tree deeper than " + MAX_DEPTH + " levels");
  }

  private boolean unposition() {
    positioned = false;
    return false;
  }

  private void checkPositioned() {
    if (!positioned) {
      throw new StorageException(StorageErrorCode.MISUSE, "cursor is not positioned");
    }
    if (stale()) {
      throw new StorageException(StorageErrorCode.MISUSE,
          "the tree changed since the cursor moved; move it before reading");
    }
  }

  /** Returns a copy of the current key. */
  public byte[] key() {
    checkPositioned();
    return Node.key(pages[leafLevel], indexes[leafLevel]);
  }

  /** Returns a copy of the current value. */
  public byte[] value() {
    checkPositioned();
    return BTree.value(access, pages[leafLevel], indexes[leafLevel]);
  }

  /**
   * Returns a read-only view of the current key, without copying: valid until the cursor moves or
   * the transaction ends.
   */
  public ByteBuffer keyView() {
    checkPositioned();
    ByteBuffer page = pages[leafLevel];
    int cell = Node.slot(page, indexes[leafLevel]);
    return readOnly(page.slice(Node.keyOffset(cell, true), Node.keyLength(page, cell, true)));
  }

  /**
   * Returns a read-only view of the current value: without copying for values stored in the leaf,
   * assembled from overflow pages otherwise. Valid until the cursor moves or the transaction ends.
   */
  public ByteBuffer valueView() {
    checkPositioned();
    ByteBuffer page = pages[leafLevel];
    int cell = Node.slot(page, indexes[leafLevel]);
    int word = Node.valueWord(page, cell);
    if (Node.isOverflow(word)) {
      return ByteBuffer.wrap(BTree.value(access, page, indexes[leafLevel])).asReadOnlyBuffer();
    }
    return readOnly(page.slice(Node.valueOffset(page, cell), Node.valueLength(word)));
  }

  private static ByteBuffer readOnly(ByteBuffer view) {
    return view.isReadOnly() ? view : view.asReadOnlyBuffer();
  }

  /**
   * Compares the current key with {@code key} without copying it: negative, zero or positive as
   * the current key sorts before, equal to or after it.
   */
  public int compareKey(byte[] key) {
    checkPositioned();
    return Node.compareAt(pages[leafLevel], indexes[leafLevel], key, true);
  }
}
