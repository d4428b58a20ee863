package dev.ferrite.tools.schema;

import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the schema through {@link DatabaseMetaData}. Names are matched exactly: the metadata
 * methods take LIKE patterns, so every name is escaped first (a table {@code T_1} must not also
 * match {@code TX1}).
 */
public final class SchemaReader {
  private static final String[] TABLE = {"TABLE"};
  private static final String[] VIEW = {"VIEW"};

  private final DatabaseMetaData meta;

  /** A reader over the schema the connection of {@code meta} sees. */
  public SchemaReader(DatabaseMetaData meta) {
    this.meta = meta;
  }

  /** Names of all tables, sorted. */
  public List<String> tableNames() throws SQLException {
    return names("%", TABLE);
  }

  /** Names of all views, sorted. */
  public List<String> viewNames() throws SQLException {
    return names("%", VIEW);
  }

  private List<String> names(String pattern, String[] types) throws SQLException {
    List<String> names = new ArrayList<>();
    try (ResultSet rs = meta.getTables(null, null, pattern, types)) {
      while (rs.next()) {
        names.add(rs.getString("TABLE_NAME"));
      }
    }
    names.sort(null);
    return names;
  }

  /**
   * The stored name of the table or view a user typed: as written, or upper-cased as the
   * engine stores unquoted identifiers ({@code orders} finds {@code ORDERS}).
   */
  public Optional<String> resolve(String typed) throws SQLException {
    for (String candidate : List.of(typed, typed.toUpperCase(Locale.ROOT))) {
      if (!names(escape(candidate), null).isEmpty()) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code name} (as stored) is a view. */
  public boolean isView(String name) throws SQLException {
    return !names(escape(name), VIEW).isEmpty();
  }

  /** The table or view {@code name} (as stored) with its columns and indexes. */
  public TableInfo table(String name) throws SQLException {
    boolean view = isView(name);
    return new TableInfo(name, view, columns(name), view ? List.of() : indexes(name));
  }

  /** The columns of {@code table}, in ordinal order. */
  public List<ColumnInfo> columns(String table) throws SQLException {
    List<ColumnInfo> columns = new ArrayList<>();
    try (ResultSet rs = meta.getColumns(null, null, escape(table), "%")) {
      while (rs.next()) {
        if (!rs.getString("TABLE_NAME").equals(table)) {
          continue;
        }
        columns.add(new ColumnInfo(rs.getString("COLUMN_NAME"), rs.getInt("DATA_TYPE"),
            rs.getString("TYPE_NAME"), rs.getInt("COLUMN_SIZE"), rs.getInt("DECIMAL_DIGITS"),
            rs.getInt("NULLABLE") != DatabaseMetaData.columnNoNulls, rs.getString("COLUMN_DEF"),
            "YES".equals(rs.getString("IS_AUTOINCREMENT"))));
      }
    }
    return columns;
  }

  /** The indexes of {@code table}, primary key first, each with its columns in key order. */
  public List<IndexInfo> indexes(String table) throws SQLException {
    Map<String, IndexInfo> byName = new LinkedHashMap<>();
    String primaryKey = primaryKeyName(table);
    try (ResultSet rs = meta.getIndexInfo(null, null, table, false, false)) {
      while (rs.next()) {
        String name = rs.getString("INDEX_NAME");
        boolean unique = !rs.getBoolean("NON_UNIQUE");
        IndexInfo index = byName.computeIfAbsent(name,
            n -> new IndexInfo(n, unique, n.equals(primaryKey), new ArrayList<>()));
        index.columns().add(new IndexInfo.Key(rs.getString("COLUMN_NAME"),
            "D".equals(rs.getString("ASC_OR_DESC"))));
      }
    }
    List<IndexInfo> indexes = new ArrayList<>();
    byName.values().stream().filter(IndexInfo::primaryKey).forEach(indexes::add);
    byName.values().stream().filter(i -> !i.primaryKey()).forEach(indexes::add);
    return indexes;
  }

  private String primaryKeyName(String table) throws SQLException {
    try (ResultSet rs = meta.getPrimaryKeys(null, null, table)) {
      return rs.next() ? rs.getString("PK_NAME") : null;
    }
  }

  /** {@code name} as a LIKE pattern matching only itself. */
  private String escape(String name) throws SQLException {
    String escape = meta.getSearchStringEscape();
    return name.replace(escape, escape + escape).replace("_", escape + "_")
        .replace("%", escape + "%");
  }
}
