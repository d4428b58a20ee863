package dev.ferrite.engine.catalog;

import java.util.Arrays;

/**
 * An index on a table: the columns (positions in the table), each ascending or descending, and
 * the storage tree holding its entries. Entry keys are the index columns in the order-preserving
 * key encoding followed by the row's primary key, so a non-unique index never has two equal keys
 * and a unique index is checked by looking for another entry with the same column prefix.
 * The primary key is also described by an IndexDef ({@link #primaryKey()}) whose tree is the
 * table's own.
 */
public final class IndexDef {
  private final String name;
  private final String tableName;
  private final boolean unique;
  private final boolean primaryKey;
  private final int[] columns;
  private final boolean[] descending;
  private final String treeName;

  /** Creates an index definition. */
  public IndexDef(String name, String tableName, boolean unique, boolean primaryKey, int[] columns,
      boolean[] descending, String treeName) {
    this.name = name;
    this.tableName = tableName;
    this.unique = unique;
    this.primaryKey = primaryKey;
    this.columns = columns.clone();
    this.descending = descending.clone();
    this.treeName = treeName;
  }

  public String name() {
    return name;
  }

  public String tableName() {
    return tableName;
  }

  public boolean unique() {
    return unique;
  }

  public boolean primaryKey() {
    return primaryKey;
  }

  /** Number of key columns. */
  public int width() {
    return columns.length;
  }

  /** Table position of key column {@code i}. */
  public int column(int i) {
    return columns[i];
  }

  /** Copy of the key columns' table positions. */
  public int[] columns() {
    return columns.clone();
  }

  public boolean descending(int i) {
    return descending[i];
  }

  public String treeName() {
    return treeName;
  }

  @Override public String toString() {
    return name + Arrays.toString(columns);
  }
}
