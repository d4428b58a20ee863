package dev.ferrite.storage.util;

import java.util.Arrays;

/**
 * Open-addressing map from non-negative long keys (page numbers) to objects: the dirty-page table
 * of a write transaction, looked up on every page access, so it avoids boxing.
 */
public final class LongObjectMap<V> {
  private static final long EMPTY = -1;

  private long[] keys;
  private Object[] values;
  private int size;

  /** Creates an empty map; it grows as needed (a one-row commit's maps hold about eight). */
  public LongObjectMap() {
    keys = new long[16];
    Arrays.fill(keys, EMPTY);
    values = new Object[16];
  }

  /** Number of entries. */
  public int size() {
    return size;
  }

  private static int hash(long key) {
    long h = key * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32));
  }

  /** Returns the value for {@code key}, or null. */
  @SuppressWarnings("unchecked")
  public V get(long key) {
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      long k = keys[i];
      if (k == key) {
        return (V) values[i];
      }
      if (k == EMPTY) {
        return null;
      }
    }
  }

  /** Whether {@code key} is present. */
  public boolean containsKey(long key) {
    return get(key) != null;
  }

  /** Associates {@code value} (non-null) with {@code key}. */
  public void put(long key, V value) {
    if (2 * (size + 1) > keys.length) {
      resize(keys.length * 2);
    }
    int mask = keys.length - 1;
    for (int i = hash(key) & mask; ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        values[i] = value;
        return;
      }
      if (keys[i] == EMPTY) {
        keys[i] = key;
        values[i] = value;
        size++;
        return;
      }
    }
  }

  /** Removes {@code key}; returns its value or null. */
  @SuppressWarnings("unchecked")
  public V remove(long key) {
    int mask = keys.length - 1;
    int i = hash(key) & mask;
    while (keys[i] != key) {
      if (keys[i] == EMPTY) {
        return null;
      }
      i = (i + 1) & mask;
    }
    V old = (V) values[i];
    keys[i] = EMPTY;
    values[i] = null;
    size--;
    // Re-insert the rest of the probe run so lookups do not stop at the new hole.
    for (int j = (i + 1) & mask; keys[j] != EMPTY; j = (j + 1) & mask) {
      long k = keys[j];
      Object v = values[j];
      keys[j] = EMPTY;
      values[j] = null;
      size--;
      @SuppressWarnings("unchecked")
      V typed = (V) v;
      put(k, typed);
    }
    return old;
  }

  /** Appends every key to {@code out}. */
  public void addKeysTo(LongList out) {
    for (long key : keys) {
      if (key != EMPTY) {
        out.add(key);
      }
    }
  }

  private void resize(int capacity) {
    long[] oldKeys = keys;
    Object[] oldValues = values;
    keys = new long[capacity];
    Arrays.fill(keys, EMPTY);
    values = new Object[capacity];
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != EMPTY) {
        @SuppressWarnings("unchecked")
        V v = (V) oldValues[i];
        put(oldKeys[i], v);
      }
    }
  }
}
