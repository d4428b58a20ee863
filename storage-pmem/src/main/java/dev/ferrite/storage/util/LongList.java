package dev.ferrite.storage.util;

import java.util.Arrays;

/** A growable list of primitive longs (page numbers), without boxing. */
public final class LongList {
  private long[] values = new long[16];
  private int size;

  /** Number of values. */
  public int size() {
    return size;
  }

  /** Whether the list is empty. */
  public boolean isEmpty() {
    return size == 0;
  }

  /** Returns value {@code index}. */
  public long get(int index) {
    if (index >= size) {
      throw new IndexOutOfBoundsException(index);
    }
    return values[index];
  }

  /** Appends a value. */
  public void add(long value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** Appends every value of {@code other}. */
  public void addAll(LongList other) {
    for (int i = 0; i < other.size; i++) {
      add(other.values[i]);
    }
  }

  /** Removes and returns the last value. */
  public long removeLast() {
    return values[--size];
  }

  /** Removes every value. */
  public void clear() {
    size = 0;
  }

  /** Sorts the values in increasing order. */
  public void sort() {
    Arrays.sort(values, 0, size);
  }
}
