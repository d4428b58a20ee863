package dev.ferrite.tools.schema;

import java.util.List;
import java.util.Optional;

/**
 * A table or view with everything its DDL needs.
 *
 * @param name the name as stored
 * @param view whether it is a view (views have columns only: no keys, no indexes)
 * @param columns the columns in ordinal order
 * @param indexes the indexes, primary key first when there is one
 */
public record TableInfo(String name, boolean view, List<ColumnInfo> columns,
    List<IndexInfo> indexes) {

  /** The primary key, if the table has one. */
  public Optional<IndexInfo> primaryKey() {
    return indexes.stream().filter(IndexInfo::primaryKey).findFirst();
  }

  /** The indexes other than the primary key. */
  public List<IndexInfo> secondaryIndexes() {
    return indexes.stream().filter(i -> !i.primaryKey()).toList();
  }

  /** The column named exactly {@code column}. */
  public Optional<ColumnInfo> column(String column) {
    return columns.stream().filter(c -> c.name().equals(column)).findFirst();
  }
}
