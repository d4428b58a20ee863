package dev.ferrite.storage.btree;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.page.PageLayout;
import java.nio.ByteBuffer;

/**
 * Copy-on-write B+tree operations over {@link PageAccess}.
 *
 * <p>Invariants:
 * <ol>
 *   <li>All leaves are at the same depth; a branch has at least one child, a non-root page at
 *       least one cell.
 *   <li>Keys are unique and strictly increasing within a page and across leaves; every key under
 *       child {@code i} of a branch lies in {@code [key(i), key(i + 1))}.
 *   <li>A page is modified only when it is dirty in the writing transaction: before changing
 *       anything, the whole path from the root to the leaf is touched (copied), so committed pages,
 *       which readers of older snapshots may be using, are never written.
 *   <li>Every leaf cell fits in a third of a page, so a split always succeeds and a page
 *       holds at least three cells.
 * </ol>
 */
public final class BTree {
  /** Deepest tree the path arrays allow; a 4 KiB-page tree of 3 cells per page reaches 2^40 keys at 25. */
  private static final int MAX_DEPTH = 40;

  private BTree() {}

  /** Largest leaf cell (key, value, headers), so that every page holds at least three cells. */
  public static int maxInlineCell(int pageSize) {
    return (Node.usable(pageSize) - 3 * 2) / 3;
  }

  /** Longest key the tree accepts at this page size (1338 bytes at 4 KiB pages). */
  public static int maxKeyLength(int pageSize) {
    return maxInlineCell(pageSize) - Node.LEAF_CELL_HEADER - Node.OVERFLOW_REFERENCE;
  }

  // ---- reads ------------------------------------------------------------------------------

  /** Returns the value stored under {@code key}, or null. */
  public static byte[] get(PageAccess access, long root, byte[] key) {
    if (root == 0) {
      return null;
    }
    long pageNumber = root;
    for (int depth = 0; depth < MAX_DEPTH; depth++) {
      ByteBuffer page = node(access, pageNumber);
      if (Node.isLeaf(page)) {
        int index = Node.searchLeaf(page, key);
        return index < 0 ? null : value(access, page, index);
      }
      pageNumber = Node.child(page, Node.searchBranch(page, key));
    }
    throw new StorageCorruptionException(root, "tree deeper than " + MAX_DEPTH + " levels");
  }

  /** Returns the value of cell {@code index} of a leaf, reading overflow pages if needed. */
  static byte[] value(PageAccess access, ByteBuffer leaf, int index) {
    int cell = Node.slot(leaf, index);
    int word = Node.valueWord(leaf, cell);
    int length = Node.valueLength(word);
    int offset = Node.valueOffset(leaf, cell);
    if (Node.isOverflow(word)) {
      return Overflow.read(access, leaf.getLong(offset), length);
    }
    byte[] value = new byte[length];
    leaf.get(offset, value);
    return value;
  }

  /** Reads a branch or leaf page and checks its type. */
  static ByteBuffer node(PageAccess access, long pageNumber) {
    ByteBuffer page = access.read(pageNumber);
    byte type = page.get(PageLayout.TYPE);
    if (type != PageLayout.TYPE_LEAF && type != PageLayout.TYPE_BRANCH) {
      throw new StorageCorruptionException(pageNumber, "expected a tree page, found "
          + PageLayout.typeName(type));
    }
    return page;
  }

  // ---- writes -----------------------------------------------------------------------------

  /** Mutable descent path of one write operation; one per tree, reused (see TreeRoot). */
  static final class Path {
    final long[] pages = new long[MAX_DEPTH];
    final int[] indexes = new int[MAX_DEPTH];
    int leafLevel;
    boolean found;
  }

  private static void checkKey(PageAccess access, byte[] key) {
    int max = maxKeyLength(access.pageSize());
    if (key.length > max) {
      throw new StorageException(StorageErrorCode.MISUSE, "key of " + key.length
          + " bytes exceeds the maximum of " + max + " bytes");
    }
  }

  /** Descends to the leaf for {@code key}, recording the path. */
  private static Path descend(PageAccess access, TreeRoot tree, byte[] key) {
    long root = tree.root;
    Path path = tree.scratchPath();
    long pageNumber = root;
    for (int level = 0; level < MAX_DEPTH; level++) {
      ByteBuffer page = node(access, pageNumber);
      path.pages[level] = pageNumber;
      if (Node.isLeaf(page)) {
        int index = Node.searchLeaf(page, key);
        path.found = index >= 0;
        path.indexes[level] = path.found ? index : -(index + 1);
        path.leafLevel = level;
        return path;
      }
      int index = Node.searchBranch(page, key);
      path.indexes[level] = index;
      pageNumber = Node.child(page, index);
    }
    throw new StorageCorruptionException(root, "tree deeper than " + MAX_DEPTH + " levels");
  }

  /** Copies every page on the path that is not yet dirty, relinking parents to the copies. */
  private static void touchPath(PageAccess access, TreeRoot tree, Path path) {
    long root = access.touch(path.pages[0]);
    path.pages[0] = root;
    tree.root = root;
    for (int level = 1; level <= path.leafLevel; level++) {
      long copy = access.touch(path.pages[level]);
      if (copy != path.pages[level]) {
        Node.setChild(access.writable(path.pages[level - 1]), path.indexes[level - 1], copy);
        path.pages[level] = copy;
      }
    }
  }

  /**
   * Copies (makes dirty) every page on the path to {@code key}'s leaf, changing nothing else:
   * lets a caller allocate and free the pages a later change needs before it computes what to
   * store (the free list's persist).
   */
  public static void touchPathTo(PageAccess access, TreeRoot tree, byte[] key) {
    if (tree.root != 0) {
      touchPath(access, tree, descend(access, tree, key));
    }
  }

  /** Whether the path runs along the right edge of the tree and ends past the last key. */
  private static boolean isAppend(PageAccess access, Path path) {
    for (int level = 0; level < path.leafLevel; level++) {
      if (path.indexes[level] != Node.count(access.read(path.pages[level])) - 1) {
        return false;
      }
    }
    return path.indexes[path.leafLevel] == Node.count(access.read(path.pages[path.leafLevel]));
  }

  /**
   * Stores {@code value} under {@code key}, replacing any previous value.
   *
   * @return true if the key was new
   */
  public static boolean put(PageAccess access, TreeRoot tree, byte[] key, byte[] value) {
    checkKey(access, key);
    tree.modifications++;
    if (tree.root == 0) {
      long leaf = access.allocate(PageLayout.TYPE_LEAF);
      Node.init(access.writable(leaf), access.pageSize(), PageLayout.TYPE_LEAF, leaf, access.txnId());
      Node.insert(access.writable(leaf), access.pageSize(), 0, leafCell(access, key, value));
      tree.root = leaf;
      tree.entries = 1;
      return true;
    }
    Path path = descend(access, tree, key);
    touchPath(access, tree, path);
    int level = path.leafLevel;
    ByteBuffer leaf = access.writable(path.pages[level]);
    int index = path.indexes[level];
    if (path.found) {
      if (Node.overwriteValue(leaf, index, value)) {
        return false;
      }
      freeValue(access, leaf, index);
      Node.remove(leaf, access.pageSize(), index);
    } else {
      tree.entries++;
    }
    boolean append = !path.found && isAppend(access, path);
    insertEntry(access, tree, path, index, key, value, append);
    return !path.found;
  }

  /**
   * Stores {@code value} under {@code key} only if the key is absent: one descent where a
   * get followed by a put would take two (the SQL layer's primary-key insert).
   *
   * @return true if inserted, false if the key existed (nothing changed, no page copied)
   */
  public static boolean insert(PageAccess access, TreeRoot tree, byte[] key, byte[] value) {
    checkKey(access, key);
    if (tree.root == 0) {
      return put(access, tree, key, value);
    }
    Path path = descend(access, tree, key);
    if (path.found) {
      return false;
    }
    tree.modifications++;
    touchPath(access, tree, path);
    tree.entries++;
    int index = path.indexes[path.leafLevel];
    insertEntry(access, tree, path, index, key, value, isAppend(access, path));
    return true;
  }

  private static byte[] leafCell(PageAccess access, byte[] key, byte[] value) {
    if (Node.LEAF_CELL_HEADER + key.length + value.length <= maxInlineCell(access.pageSize())) {
      return Node.leafCell(key, value);
    }
    return Node.leafOverflowCell(key, value.length, Overflow.write(access, value));
  }

  private static void freeValue(PageAccess access, ByteBuffer leaf, int index) {
    int cell = Node.slot(leaf, index);
    if (Node.isOverflow(Node.valueWord(leaf, cell))) {
      Overflow.free(access, leaf.getLong(Node.valueOffset(leaf, cell)));
    }
  }

  /** Inserts a cell into the (dirty) page at {@code level}, splitting upwards as needed. */
  private static void insert(PageAccess access, TreeRoot tree, Path path, int level, int index,
      byte[] cell, boolean append) {
    int pageSize = access.pageSize();
    long pageNumber = path.pages[level];
    ByteBuffer page = access.writable(pageNumber);
    if (Node.fits(page, pageSize, cell.length)) {
      Node.insert(page, pageSize, index, cell);
      return;
    }
    boolean leaf = Node.isLeaf(page);
    long right = access.allocate(leaf ? PageLayout.TYPE_LEAF : PageLayout.TYPE_BRANCH);
    ByteBuffer rightPage = access.writable(right);
    Node.init(rightPage, pageSize, leaf ? PageLayout.TYPE_LEAF : PageLayout.TYPE_BRANCH, right,
        access.txnId());
    byte[] separator;
    if (append && index == Node.count(page)) {
      // Sorted load: the full page stays as it is; the new cell starts the next page.
      separator = leaf ? Node.leafCellKey(cell) : Node.branchCellKey(cell);
      Node.insert(rightPage, pageSize, 0, leaf ? cell : Node.withoutKey(cell));
      access.finished(pageNumber);
    } else {
      byte[][] cells = Node.cellsWith(page, index, cell);
      int split = splitPoint(cells, pageSize);
      if (leaf) {
        separator = Node.leafCellKey(cells[split]);
      } else {
        separator = Node.branchCellKey(cells[split]);
        cells[split] = Node.withoutKey(cells[split]);
      }
      Node.rebuild(page, pageSize, cells, 0, split);
      Node.rebuild(rightPage, pageSize, cells, split, cells.length);
    }
    if (level == 0) {
      long newRoot = access.allocate(PageLayout.TYPE_BRANCH);
      ByteBuffer rootPage = access.writable(newRoot);
      Node.init(rootPage, pageSize, PageLayout.TYPE_BRANCH, newRoot, access.txnId());
      Node.insert(rootPage, pageSize, 0, Node.branchCell(pageNumber, new byte[0]));
      Node.insert(rootPage, pageSize, 1, Node.branchCell(right, separator));
      tree.root = newRoot;
      return;
    }
    insert(access, tree, path, level - 1, path.indexes[level - 1] + 1,
        Node.branchCell(right, separator), append);
  }

  /** Splits cells into two halves of about equal bytes; both sides non-empty. */
  private static int splitPoint(byte[][] cells, int pageSize) {
    int total = 0;
    for (byte[] cell : cells) {
      total += cell.length + 2;
    }
    int left = 0;
    for (int i = 0; i < cells.length - 1; i++) {
      left += cells[i].length + 2;
      if (left >= total / 2) {
        return Math.max(1, i + 1 == cells.length ? i : i + 1);
      }
    }
    return cells.length - 1;
  }

  /**
   * Bulk-load fast path: appends {@code key}, which must sort after every key in the tree. Walks
   * the right edge without searching, and splits full pages by starting a new right page instead
   * of halving, so a sorted load fills pages completely.
   *
   * @throws StorageException MISUSE if {@code key} does not sort after the last key
   */
  public static void append(PageAccess access, TreeRoot tree, byte[] key, byte[] value) {
    if (tree.root == 0) {
      put(access, tree, key, value);
      return;
    }
    checkKey(access, key);
    Path path = tree.scratchPath();
    long pageNumber = tree.root;
    for (int level = 0; ; level++) {
      if (level == MAX_DEPTH) {
        throw new StorageCorruptionException(tree.root, "tree deeper than " + MAX_DEPTH + " levels");
      }
      ByteBuffer page = node(access, pageNumber);
      path.pages[level] = pageNumber;
      int count = Node.count(page);
      if (Node.isLeaf(page)) {
        if (count > 0 && Node.compareAt(page, count - 1, key, true) >= 0) {
          throw new StorageException(StorageErrorCode.MISUSE,
              "append of a key that does not sort after the last key");
        }
        path.indexes[level] = count;
        path.leafLevel = level;
        break;
      }
      path.indexes[level] = count - 1;
      pageNumber = Node.child(page, count - 1);
    }
    tree.modifications++;
    touchPath(access, tree, path);
    tree.entries++;
    insertEntry(access, tree, path, path.indexes[path.leafLevel], key, value, true);
  }

  /**
   * Inserts an entry into the (dirty) leaf of {@code path}: straight into the page when it fits
   * inline (no cell is built), otherwise through {@link #insert}, which splits.
   */
  private static void insertEntry(PageAccess access, TreeRoot tree, Path path, int index,
      byte[] key, byte[] value, boolean append) {
    int level = path.leafLevel;
    ByteBuffer leaf = access.writable(path.pages[level]);
    int size = Node.LEAF_CELL_HEADER + key.length + value.length;
    if (size <= maxInlineCell(access.pageSize()) && Node.fits(leaf, access.pageSize(), size)) {
      Node.insertLeaf(leaf, access.pageSize(), index, key, value);
    } else {
      insert(access, tree, path, level, index, leafCell(access, key, value), append);
    }
  }

  /**
   * Removes {@code key}.
   *
   * @return true if it was present
   */
  public static boolean delete(PageAccess access, TreeRoot tree, byte[] key) {
    if (tree.root == 0) {
      return false;
    }
    Path path = descend(access, tree, key);
    if (!path.found) {
      return false;
    }
    tree.modifications++;
    touchPath(access, tree, path);
    int level = path.leafLevel;
    ByteBuffer leaf = access.writable(path.pages[level]);
    freeValue(access, leaf, path.indexes[level]);
    Node.remove(leaf, access.pageSize(), path.indexes[level]);
    tree.entries--;
    rebalance(access, tree, path, level);
    return true;
  }

  /**
   * Restores the invariants after a removal at {@code level}: empty pages disappear, a root with
   * one child is replaced by it, and a page under a quarter full merges with a sibling when the two
   * fit in one page.
   */
  private static void rebalance(PageAccess access, TreeRoot tree, Path path, int level) {
    int pageSize = access.pageSize();
    long pageNumber = path.pages[level];
    ByteBuffer page = access.writable(pageNumber);
    boolean leaf = Node.isLeaf(page);
    int count = Node.count(page);
    if (level == 0) {
      if (count == 0) {
        access.free(pageNumber);
        tree.root = 0;
      } else if (!leaf && count == 1) {
        tree.root = Node.child(page, 0);
        access.free(pageNumber);
      }
      return;
    }
    if (count > 0 && Node.used(page, pageSize) >= Node.usable(pageSize) / 4) {
      return;
    }
    long parentNumber = path.pages[level - 1];
    ByteBuffer parent = access.writable(parentNumber);
    int index = path.indexes[level - 1];
    if (count == 0) {
      access.free(pageNumber);
      removeChild(access, parent, index);
      rebalance(access, tree, path, level - 1);
      return;
    }
    int parentCount = Node.count(parent);
    if (parentCount < 2) {
      return;
    }
    int leftIndex = index > 0 ? index - 1 : index;
    int rightIndex = leftIndex + 1;
    long leftNumber = touchChild(access, parent, leftIndex);
    long rightNumber = touchChild(access, parent, rightIndex);
    ByteBuffer left = access.writable(leftNumber);
    ByteBuffer right = access.writable(rightNumber);
    byte[] separator = leaf ? null : Node.key(parent, rightIndex);
    int rightBytes = Node.used(right, pageSize) + (leaf ? 0 : separator.length);
    if (Node.used(left, pageSize) + rightBytes > Node.usable(pageSize)) {
      return;
    }
    int leftCount = Node.count(left);
    int rightCount = Node.count(right);
    for (int i = 0; i < rightCount; i++) {
      byte[] cell = Node.cellBytes(right, i);
      if (!leaf && i == 0) {
        cell = Node.withKey(cell, separator);
      }
      Node.insert(left, pageSize, leftCount + i, cell);
    }
    access.free(rightNumber);
    removeChild(access, parent, rightIndex);
    rebalance(access, tree, path, level - 1);
  }

  private static long touchChild(PageAccess access, ByteBuffer parent, int index) {
    long child = Node.child(parent, index);
    long copy = access.touch(child);
    if (copy != child) {
      Node.setChild(parent, index, copy);
    }
    return copy;
  }

  /** Removes child {@code index} of a dirty branch; cell 0 keeps its minus-infinity key. */
  private static void removeChild(PageAccess access, ByteBuffer parent, int index) {
    int pageSize = access.pageSize();
    Node.remove(parent, pageSize, index);
    if (index == 0 && Node.count(parent) > 0) {
      byte[] first = Node.withoutKey(Node.cellBytes(parent, 0));
      Node.remove(parent, pageSize, 0);
      Node.insert(parent, pageSize, 0, first);
    }
  }

  // ---- whole-tree operations --------------------------------------------------------------

  /** Frees every page of a tree (for dropping it); returns the number of pages freed. */
  public static long freeAll(PageAccess access, long root) {
    return root == 0 ? 0 : freeAll(access, root, 0);
  }

  private static long freeAll(PageAccess access, long root, int depth) {
    if (depth == MAX_DEPTH) {
      throw new StorageCorruptionException(root, "tree deeper than " + MAX_DEPTH + " levels");
    }
    ByteBuffer page = node(access, root);
    long freed = 0;
    int count = Node.count(page);
    if (Node.isLeaf(page)) {
      for (int i = 0; i < count; i++) {
        int cell = Node.slot(page, i);
        if (Node.isOverflow(Node.valueWord(page, cell))) {
          freed += Overflow.free(access, page.getLong(Node.valueOffset(page, cell)));
        }
      }
    } else {
      for (int i = 0; i < count; i++) {
        freed += freeAll(access, Node.child(page, i), depth + 1);
      }
    }
    access.free(root);
    return freed + 1;
  }
}
