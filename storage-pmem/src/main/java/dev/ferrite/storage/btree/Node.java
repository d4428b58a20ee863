package dev.ferrite.storage.btree;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.page.PageLayout;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Slotted layout of branch and leaf pages, as static operations on a page buffer.
 *
 * <pre>
 *  0..23  common header (type BRANCH or LEAF, count = number of cells)
 *  24     u16  content start: lowest offset used by cell bodies
 *  26     u16  garbage: bytes of removed cells not yet reclaimed by compaction
 *  32..   u16  slot[count]: offset of cell i, cells in key order
 *  ...    free gap
 *  content start .. pageSize: cell bodies, allocated downwards
 * </pre>
 *
 * Leaf cell: {@code u16 keyLength, u32 valueWord, key, value} where valueWord's top bit marks an
 * overflow value: the low 31 bits are then the total length and the cell holds the first
 * overflow page number (8 bytes) instead of the value.
 *
 * <p>Branch cell: {@code u64 child, u16 keyLength, key}. Child {@code i} holds keys in
 * {@code [key(i), key(i + 1))}; the key of cell 0 is empty and stands for minus infinity.
 *
 * <p>Invariants (checked by {@link #checkStructure} when a page is first read and by verify):
 * slots point inside the content area, cells do not run past the page end, keys are
 * strictly increasing.
 */
public final class Node {
  static final int CONTENT_START = PageLayout.COMMON_HEADER;
  static final int GARBAGE = PageLayout.COMMON_HEADER + 2;
  static final int SLOTS = 32;

  static final int LEAF_CELL_HEADER = 6;
  static final int BRANCH_CELL_HEADER = 10;
  static final int OVERFLOW_FLAG = 0x8000_0000;
  static final int OVERFLOW_REFERENCE = 8;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

  private Node() {}

  /** Formats an empty node page. */
  static void init(ByteBuffer page, int pageSize, byte type, long pageNumber, long txnId) {
    page.put(PageLayout.TYPE, type);
    page.put(PageLayout.TYPE + 1, (byte) 0);
    page.putShort(PageLayout.COUNT, (short) 0);
    page.putLong(PageLayout.PAGE_NUMBER, pageNumber);
    page.putLong(PageLayout.TXN_ID, txnId);
    setContentStart(page, pageSize);
    page.putShort(GARBAGE, (short) 0);
    page.putInt(28, 0);
  }

  static boolean isLeaf(ByteBuffer page) {
    return page.get(PageLayout.TYPE) == PageLayout.TYPE_LEAF;
  }

  static int count(ByteBuffer page) {
    return Short.toUnsignedInt(page.getShort(PageLayout.COUNT));
  }

  private static void setCount(ByteBuffer page, int count) {
    page.putShort(PageLayout.COUNT, (short) count);
  }

  private static int contentStart(ByteBuffer page, int pageSize) {
    int value = Short.toUnsignedInt(page.getShort(CONTENT_START));
    return value == 0 ? pageSize : value;
  }

  private static void setContentStart(ByteBuffer page, int value) {
    // A content start equal to a 32 KiB page size does not fit in u16; 0 encodes "page end".
    page.putShort(CONTENT_START, (short) (value >= PageLayout.MAX_PAGE_SIZE ? 0 : value));
  }

  static int slot(ByteBuffer page, int index) {
    return Short.toUnsignedInt(page.getShort(SLOTS + 2 * index));
  }

  // ---- cell accessors ---------------------------------------------------------------------

  static int keyLength(ByteBuffer page, int cell, boolean leaf) {
    return Short.toUnsignedInt(page.getShort(leaf ? cell : cell + 8));
  }

  static int keyOffset(int cell, boolean leaf) {
    return leaf ? cell + LEAF_CELL_HEADER : cell + BRANCH_CELL_HEADER;
  }

  static long child(ByteBuffer page, int index) {
    return page.getLong(slot(page, index));
  }

  static void setChild(ByteBuffer page, int index, long child) {
    page.putLong(slot(page, index), child);
  }

  static int valueWord(ByteBuffer page, int cell) {
    return page.getInt(cell + 2);
  }

  static boolean isOverflow(int valueWord) {
    return (valueWord & OVERFLOW_FLAG) != 0;
  }

  static int valueLength(int valueWord) {
    return valueWord & ~OVERFLOW_FLAG;
  }

  static int valueOffset(ByteBuffer page, int cell) {
    return cell + LEAF_CELL_HEADER + keyLength(page, cell, true);
  }

  static int cellSize(ByteBuffer page, int cell, boolean leaf) {
    int keyLength = keyLength(page, cell, leaf);
    if (!leaf) {
      return BRANCH_CELL_HEADER + keyLength;
    }
    int word = valueWord(page, cell);
    return LEAF_CELL_HEADER + keyLength + (isOverflow(word) ? OVERFLOW_REFERENCE : valueLength(word));
  }

  static byte[] key(ByteBuffer page, int index) {
    boolean leaf = isLeaf(page);
    int cell = slot(page, index);
    byte[] key = new byte[keyLength(page, cell, leaf)];
    page.get(keyOffset(cell, leaf), key);
    return key;
  }

  static byte[] cellBytes(ByteBuffer page, int index) {
    int cell = slot(page, index);
    byte[] bytes = new byte[cellSize(page, cell, isLeaf(page))];
    page.get(cell, bytes);
    return bytes;
  }

  // ---- cell construction ------------------------------------------------------------------

  static byte[] leafCell(byte[] key, byte[] value) {
    byte[] cell = new byte[LEAF_CELL_HEADER + key.length + value.length];
    ByteBuffer b = ByteBuffer.wrap(cell);
    b.putShort((short) key.length).putInt(value.length).put(key).put(value);
    return cell;
  }

  static byte[] leafOverflowCell(byte[] key, int valueLength, long firstPage) {
    byte[] cell = new byte[LEAF_CELL_HEADER + key.length + OVERFLOW_REFERENCE];
    ByteBuffer b = ByteBuffer.wrap(cell);
    b.putShort((short) key.length).putInt(valueLength | OVERFLOW_FLAG).put(key).putLong(firstPage);
    return cell;
  }

  static byte[] branchCell(long child, byte[] key) {
    byte[] cell = new byte[BRANCH_CELL_HEADER + key.length];
    ByteBuffer b = ByteBuffer.wrap(cell);
    b.putLong(child).putShort((short) key.length).put(key);
    return cell;
  }

  /** Returns {@code cell} (a branch cell) with its key removed, for use as cell 0. */
  static byte[] withoutKey(byte[] branchCell) {
    byte[] cell = new byte[BRANCH_CELL_HEADER];
    System.arraycopy(branchCell, 0, cell, 0, 8);
    return cell;
  }

  /** Returns {@code cell} (a branch cell) with {@code key} as its key. */
  static byte[] withKey(byte[] branchCell, byte[] key) {
    return branchCell(ByteBuffer.wrap(branchCell).getLong(0), key);
  }

  static byte[] branchCellKey(byte[] branchCell) {
    byte[] key = new byte[branchCell.length - BRANCH_CELL_HEADER];
    System.arraycopy(branchCell, BRANCH_CELL_HEADER, key, 0, key.length);
    return key;
  }

  static byte[] leafCellKey(byte[] leafCell) {
    int length = ((leafCell[0] & 0xff) << 8) | (leafCell[1] & 0xff);
    byte[] key = new byte[length];
    System.arraycopy(leafCell, LEAF_CELL_HEADER, key, 0, length);
    return key;
  }

  // ---- space ------------------------------------------------------------------------------

  /** Bytes available to cells and their slots in an empty page. */
  static int usable(int pageSize) {
    return pageSize - SLOTS;
  }

  /** Bytes used by cells and slots. */
  static int used(ByteBuffer page, int pageSize) {
    return usable(pageSize) - freeTotal(page, pageSize);
  }

  private static int freeGap(ByteBuffer page, int pageSize) {
    return contentStart(page, pageSize) - (SLOTS + 2 * count(page));
  }

  private static int freeTotal(ByteBuffer page, int pageSize) {
    return freeGap(page, pageSize) + Short.toUnsignedInt(page.getShort(GARBAGE));
  }

  /** Returns whether a cell of {@code size} bytes (plus its slot) fits, after compaction. */
  static boolean fits(ByteBuffer page, int pageSize, int size) {
    return freeTotal(page, pageSize) >= size + 2;
  }

  // ---- mutation ---------------------------------------------------------------------------

  /** Inserts {@code cell} at {@code index}; the caller has checked {@link #fits}. */
  static void insert(ByteBuffer page, int pageSize, int index, byte[] cell) {
    page.put(reserve(page, pageSize, index, cell.length), cell);
  }

  /**
   * Inserts an inline leaf cell for {@code key} and {@code value} at {@code index} without
   * building it first (the common put path); the caller has checked {@link #fits}.
   */
  static void insertLeaf(ByteBuffer page, int pageSize, int index, byte[] key, byte[] value) {
    int offset = reserve(page, pageSize, index, LEAF_CELL_HEADER + key.length + value.length);
    page.putShort(offset, (short) key.length);
    page.putInt(offset + 2, value.length);
    page.put(offset + LEAF_CELL_HEADER, key);
    page.put(offset + LEAF_CELL_HEADER + key.length, value);
  }

  /**
   * Overwrites the inline value of leaf cell {@code index} with {@code value} if it has the same
   * length; returns false (nothing changed) otherwise. An update that keeps a row's size then
   * changes only its bytes: no cell moves, no compaction, and the commit log's delta is the
   * value alone.
   */
  static boolean overwriteValue(ByteBuffer page, int index, byte[] value) {
    int cell = slot(page, index);
    int word = valueWord(page, cell);
    if (isOverflow(word) || valueLength(word) != value.length) {
      return false;
    }
    page.put(valueOffset(page, cell), value);
    return true;
  }

  /** Makes room for a cell of {@code size} bytes at slot {@code index}; returns its offset. */
  private static int reserve(ByteBuffer page, int pageSize, int index, int size) {
    int count = count(page);
    if (freeGap(page, pageSize) < size + 2) {
      compact(page, pageSize);
    }
    int offset = contentStart(page, pageSize) - size;
    setContentStart(page, offset);
    int slotAt = SLOTS + 2 * index;
    page.put(slotAt + 2, page, slotAt, 2 * (count - index));
    page.putShort(slotAt, (short) offset);
    setCount(page, count + 1);
    return offset;
  }

  /** Removes the cell at {@code index}; its bytes become garbage until the next compaction. */
  static void remove(ByteBuffer page, int pageSize, int index) {
    int count = count(page);
    int cell = slot(page, index);
    int size = cellSize(page, cell, isLeaf(page));
    int slotAt = SLOTS + 2 * index;
    page.put(slotAt, page, slotAt + 2, 2 * (count - index - 1));
    setCount(page, count - 1);
    if (cell == contentStart(page, pageSize)) {
      setContentStart(page, cell + size);
    } else {
      page.putShort(GARBAGE, (short) (Short.toUnsignedInt(page.getShort(GARBAGE)) + size));
    }
    if (count == 1) {
      setContentStart(page, pageSize);
      page.putShort(GARBAGE, (short) 0);
    }
  }

  /** Replaces every cell of the page with {@code cells[from, to)}. */
  static void rebuild(ByteBuffer page, int pageSize, byte[][] cells, int from, int to) {
    setCount(page, 0);
    setContentStart(page, pageSize);
    page.putShort(GARBAGE, (short) 0);
    for (int i = from; i < to; i++) {
      insert(page, pageSize, i - from, cells[i]);
    }
  }

  private static void compact(ByteBuffer page, int pageSize) {
    int count = count(page);
    byte[][] cells = new byte[count][];
    for (int i = 0; i < count; i++) {
      cells[i] = cellBytes(page, i);
    }
    rebuild(page, pageSize, cells, 0, count);
  }

  /** Returns all cells of the page, copied, with {@code extra} inserted at {@code index}. */
  static byte[][] cellsWith(ByteBuffer page, int index, byte[] extra) {
    int count = count(page);
    byte[][] cells = new byte[count + 1][];
    for (int i = 0, j = 0; i <= count; i++) {
      cells[i] = i == index ? extra : cellBytes(page, j++);
    }
    return cells;
  }

  // ---- search -----------------------------------------------------------------------------

  /**
   * Compares the key stored at {@code [offset, offset + length)} of {@code page} with
   * {@code key}, as unsigned bytes; shorter is smaller when one is a prefix of the other.
   */
  static int compare(ByteBuffer page, int offset, int length, byte[] key) {
    int common = Math.min(length, key.length);
    int i = 0;
    for (; i + 8 <= common; i += 8) {
      long a = page.getLong(offset + i);
      long b = (long) LONG_BE.get(key, i);
      if (a != b) {
        return Long.compareUnsigned(a, b);
      }
    }
    for (; i < common; i++) {
      int a = page.get(offset + i) & 0xff;
      int b = key[i] & 0xff;
      if (a != b) {
        return a - b;
      }
    }
    return length - key.length;
  }

  /** Compares the key of cell {@code index} with {@code key}. */
  static int compareAt(ByteBuffer page, int index, byte[] key, boolean leaf) {
    int cell = slot(page, index);
    return compare(page, keyOffset(cell, leaf), keyLength(page, cell, leaf), key);
  }

  /** Returns the index of {@code key} in a leaf, or {@code -(insertionPoint + 1)}. */
  static int searchLeaf(ByteBuffer page, byte[] key) {
    int low = 0;
    int high = count(page) - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int c = compareAt(page, mid, key, true);
      if (c < 0) {
        low = mid + 1;
      } else if (c > 0) {
        high = mid - 1;
      } else {
        return mid;
      }
    }
    return -(low + 1);
  }

  /** Returns the index of the child of a branch whose key range holds {@code key}. */
  static int searchBranch(ByteBuffer page, byte[] key) {
    int low = 1;
    int high = count(page) - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      if (compareAt(page, mid, key, false) <= 0) {
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    return low - 1;
  }

  // ---- structural check -------------------------------------------------------------------

  /**
   * Checks that every slot and cell of a node lies inside the page, keys increase, and cells and
   * garbage exactly fill the content area, so that later accessors cannot read out of bounds and
   * inserts cannot write out of bounds; throws a corruption error naming the page.
   */
  public static void checkStructure(ByteBuffer page, int pageSize, long pageNumber) {
    int count = count(page);
    boolean leaf = isLeaf(page);
    int contentStart = contentStart(page, pageSize);
    if (SLOTS + 2 * count > contentStart || contentStart > pageSize) {
      throw new StorageCorruptionException(pageNumber, "slot array overlaps cell content");
    }
    if (!leaf && count == 0) {
      throw new StorageCorruptionException(pageNumber, "branch page without children");
    }
    int previousKey = -1;
    int previousLength = 0;
    int cellBytes = 0;
    for (int i = 0; i < count; i++) {
      int cell = slot(page, i);
      int header = leaf ? LEAF_CELL_HEADER : BRANCH_CELL_HEADER;
      if (cell < contentStart || cell + header > pageSize) {
        throw new StorageCorruptionException(pageNumber, "cell " + i + " outside the page");
      }
      int size = cellSize(page, cell, leaf);
      if (cell + size > pageSize) {
        throw new StorageCorruptionException(pageNumber, "cell " + i + " runs past the page end");
      }
      cellBytes += size;
      int keyOffset = keyOffset(cell, leaf);
      int keyLength = keyLength(page, cell, leaf);
      if (previousKey >= 0 && (leaf || i > 1)
          && compareRegions(page, previousKey, previousLength, keyOffset, keyLength) >= 0) {
        throw new StorageCorruptionException(pageNumber, "keys out of order at cell " + i);
      }
      previousKey = keyOffset;
      previousLength = keyLength;
    }
    // Free space is computed from the garbage count: if it lied, an insert would overrun.
    if (cellBytes + Short.toUnsignedInt(page.getShort(GARBAGE)) != pageSize - contentStart) {
      throw new StorageCorruptionException(pageNumber, "cell content (" + cellBytes
          + " bytes) and garbage do not fill the content area");
    }
  }

  private static int compareRegions(ByteBuffer page, int a, int aLength, int b, int bLength) {
    int common = Math.min(aLength, bLength);
    for (int i = 0; i < common; i++) {
      int x = page.get(a + i) & 0xff;
      int y = page.get(b + i) & 0xff;
      if (x != y) {
        return x - y;
      }
    }
    return aLength - bLength;
  }
}
