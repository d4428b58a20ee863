package dev.ferrite.tools.schema;

import java.util.List;

/**
 * An index of a table, from {@code DatabaseMetaData.getIndexInfo}.
 *
 * @param name the index name
 * @param unique whether it is unique
 * @param primaryKey whether it is the primary key (the table's clustered index)
 * @param columns its key columns in order
 */
public record IndexInfo(String name, boolean unique, boolean primaryKey, List<Key> columns) {

  /** One key column and its direction. */
  public record Key(String column, boolean descending) {}

  /** The column names, in key order. */
  public List<String> columnNames() {
    return columns.stream().map(Key::column).toList();
  }
}
