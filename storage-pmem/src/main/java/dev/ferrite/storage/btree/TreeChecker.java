package dev.ferrite.storage.btree;

import dev.ferrite.storage.StorageCorruptionException;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;

/**
 * Full structural check of one tree, for verify: page types, uniform leaf depth, key order inside
 * pages and against the separators of every ancestor, overflow chain lengths, and the entry
 * count. Reports every page it reaches to a consumer so the caller can account for space.
 */
public final class TreeChecker {
  private final PageAccess access;
  private final LongConsumer pageVisitor;
  private long entries;
  private int leafDepth = -1;

  /** Creates a checker reading through {@code access}, reporting pages to {@code pageVisitor}. */
  public TreeChecker(PageAccess access, LongConsumer pageVisitor) {
    this.access = access;
    this.pageVisitor = pageVisitor;
  }

  /**
   * Checks the tree rooted at {@code root}; returns its number of entries.
   *
   * @throws StorageCorruptionException at the first violation
   */
  public long check(long root) {
    entries = 0;
    leafDepth = -1;
    if (root != 0) {
      checkPage(root, 0, null, null);
    }
    return entries;
  }

  private void checkPage(long pageNumber, int depth, byte[] low, byte[] high) {
    if (depth > 64) {
      throw new StorageCorruptionException(pageNumber, "tree deeper than 64 levels (a cycle?)");
    }
    pageVisitor.accept(pageNumber);
    // Slot structure is checked when the page is first read (Pager), so not again here.
    ByteBuffer page = BTree.node(access, pageNumber);
    int count = Node.count(page);
    boolean leaf = Node.isLeaf(page);
    if (count == 0 && depth > 0) {
      throw new StorageCorruptionException(pageNumber, "empty non-root page");
    }
    int first = leaf ? 0 : 1;
    for (int i = first; i < count; i++) {
      if (low != null && Node.compareAt(page, i, low, leaf) < 0) {
        throw new StorageCorruptionException(pageNumber, "key " + i + " below its parent's bound");
      }
      if (high != null && Node.compareAt(page, i, high, leaf) >= 0) {
        throw new StorageCorruptionException(pageNumber, "key " + i + " above its parent's bound");
      }
    }
    if (leaf) {
      if (leafDepth < 0) {
        leafDepth = depth;
      } else if (leafDepth != depth) {
        throw new StorageCorruptionException(pageNumber, "leaf at depth " + depth
            + " while others are at " + leafDepth);
      }
      entries += count;
      for (int i = 0; i < count; i++) {
        checkOverflow(page, i, pageNumber);
      }
      return;
    }
    for (int i = 0; i < count; i++) {
      byte[] childLow = i == 0 ? low : Node.key(page, i);
      byte[] childHigh = i + 1 < count ? Node.key(page, i + 1) : high;
      checkPage(Node.child(page, i), depth + 1, childLow, childHigh);
    }
  }

  private void checkOverflow(ByteBuffer leaf, int index, long leafNumber) {
    int cell = Node.slot(leaf, index);
    int word = Node.valueWord(leaf, cell);
    if (!Node.isOverflow(word)) {
      return;
    }
    int remaining = Node.valueLength(word);
    long pageNumber = leaf.getLong(Node.valueOffset(leaf, cell));
    int capacity = Overflow.capacity(access.pageSize());
    while (remaining > 0) {
      if (pageNumber == 0) {
        throw new StorageCorruptionException(leafNumber, "overflow chain of cell " + index
            + " ends early");
      }
      pageVisitor.accept(pageNumber);
      ByteBuffer page = Overflow.checkedPage(access, pageNumber);
      int used = page.getInt(Overflow.USED);
      if (used <= 0 || used > capacity || used > remaining) {
        throw new StorageCorruptionException(pageNumber, "overflow page holds " + used + " bytes");
      }
      remaining -= used;
      pageNumber = page.getLong(Overflow.NEXT);
    }
    if (pageNumber != 0) {
      throw new StorageCorruptionException(leafNumber, "overflow chain of cell " + index
          + " is longer than its value");
    }
  }
}
