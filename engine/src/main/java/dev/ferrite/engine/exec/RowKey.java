package dev.ferrite.engine.exec;

import dev.ferrite.engine.type.Values;

/** Values used as a hash key (GROUP BY, DISTINCT, join keys, set operations), compared by SQL value. */
final class RowKey {
  private final Object[] values;
  private final int hash;

  RowKey(Object[] values) {
    this.values = values;
    int h = 1;
    for (Object v : values) {
      h = 31 * h + Values.hash(v);
    }
    this.hash = h;
  }

  static RowKey of(Object[] row, int[] fields) {
    Object[] v = new Object[fields.length];
    for (int i = 0; i < fields.length; i++) {
      v[i] = row[fields[i]];
    }
    return new RowKey(v);
  }

  Object[] values() {
    return values;
  }

  boolean hasNull() {
    for (Object v : values) {
      if (v == null) {
        return true;
      }
    }
    return false;
  }

  @Override public int hashCode() {
    return hash;
  }

  @Override public boolean equals(Object o) {
    if (!(o instanceof RowKey)) {
      return false;
    }
    Object[] other = ((RowKey) o).values;
    if (other.length != values.length) {
      return false;
    }
    for (int i = 0; i < values.length; i++) {
      Object a = values[i];
      Object b = other[i];
      if (a == null || b == null) {
        if (a != b) {
          return false;
        }
      } else if (!Values.equal(a, b)) {
        return false;
      }
    }
    return true;
  }
}
