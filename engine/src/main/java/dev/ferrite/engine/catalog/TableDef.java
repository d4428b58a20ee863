package dev.ferrite.engine.catalog;

import java.util.List;

/**
 * A table: columns in order, the primary key (an {@link IndexDef} over the table's own tree, or
 * null when the table has none and rows are keyed by a hidden row id), secondary indexes, and
 * the storage tree of its rows.
 */
public final class TableDef {
  private final long id;
  private final String name;
  private final List<ColumnDef> columns;
  private final IndexDef primaryKey;
  private final List<IndexDef> indexes;
  private final String treeName;

  /** Creates a table definition. */
  public TableDef(long id, String name, List<ColumnDef> columns, IndexDef primaryKey,
      List<IndexDef> indexes, String treeName) {
    this.id = id;
    this.name = name;
    this.columns = List.copyOf(columns);
    this.primaryKey = primaryKey;
    this.indexes = List.copyOf(indexes);
    this.treeName = treeName;
  }

  public long id() {
    return id;
  }

  public String name() {
    return name;
  }

  public List<ColumnDef> columns() {
    return columns;
  }

  /** The primary key, or null when rows are keyed by a hidden row id. */
  public IndexDef primaryKey() {
    return primaryKey;
  }

  /** Secondary indexes (UNIQUE constraints and CREATE INDEX), not including the primary key. */
  public List<IndexDef> indexes() {
    return indexes;
  }

  public String treeName() {
    return treeName;
  }

  /** Position of column {@code name}, or -1. */
  public int columnIndex(String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** Position of the identity column, or -1. */
  public int identityColumn() {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).identity()) {
        return i;
      }
    }
    return -1;
  }

  /** A copy with other columns and indexes (ALTER TABLE, CREATE/DROP INDEX). */
  public TableDef with(List<ColumnDef> newColumns, List<IndexDef> newIndexes) {
    return new TableDef(id, name, newColumns, primaryKey, newIndexes, treeName);
  }
}
