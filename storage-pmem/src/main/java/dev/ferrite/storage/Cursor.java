package dev.ferrite.storage;

import dev.ferrite.storage.btree.TreeCursor;
import java.nio.ByteBuffer;

/**
 * A position in a tree, for ordered scans in either direction. Range scans are
 * {@code seek(from)} then {@code next()} while {@code compareKey(to) < 0}. In a write transaction
 * the cursor stays correct across changes to the tree (it re-seeks from its last key).
 */
public final class Cursor {
  private final TreeCursor cursor;

  Cursor(TreeCursor cursor) {
    this.cursor = cursor;
  }

  /** Moves to the first entry; false if the tree is empty. */
  public boolean first() {
    return cursor.first();
  }

  /** Moves to the last entry; false if the tree is empty. */
  public boolean last() {
    return cursor.last();
  }

  /** Moves to the first entry whose key is at or after {@code key}; false if none. */
  public boolean seek(byte[] key) {
    return cursor.seek(key);
  }

  /** Moves to the next entry; false past the end. */
  public boolean next() {
    return cursor.next();
  }

  /** Moves to the previous entry; false before the start. */
  public boolean prev() {
    return cursor.prev();
  }

  /** Whether the cursor is on an entry. */
  public boolean isPositioned() {
    return cursor.isPositioned();
  }

  /** A copy of the current key. */
  public byte[] key() {
    return cursor.key();
  }

  /** A copy of the current value. */
  public byte[] value() {
    return cursor.value();
  }

  /**
   * A read-only view of the current key, without copying; valid until the cursor moves, the
   * transaction ends or (in a write transaction) changes a tree (for scans that decode in place).
   */
  public ByteBuffer keyView() {
    return cursor.keyView();
  }

  /**
   * A read-only view of the current value, without copying when it is stored in the leaf; valid
   * until the cursor moves, the transaction ends or (in a write transaction) changes a tree.
   */
  public ByteBuffer valueView() {
    return cursor.valueView();
  }

  /** Compares the current key with {@code key} without copying it. */
  public int compareKey(byte[] key) {
    return cursor.compareKey(key);
  }
}
