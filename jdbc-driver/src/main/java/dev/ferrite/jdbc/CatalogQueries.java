package dev.ferrite.jdbc;

import static dev.ferrite.jdbc.MetaRows.row;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.ViewDef;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import java.sql.DatabaseMetaData;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The DatabaseMetaData results that describe the schema: rows computed from one {@link Catalog}
 * version, in the order JDBC prescribes. Everything lives in schema PUBLIC with no catalog, so a
 * catalog argument other than null or "" and a schema pattern not matching PUBLIC give no rows.
 * View columns are not stored with their types, so they come from preparing
 * {@code SELECT * FROM view} (a view that no longer prepares contributes no columns).
 */
final class CatalogQueries {
  private final Catalog catalog;
  private final Function<String, List<ColumnMetadata>> viewColumns;

  CatalogQueries(Catalog catalog, Function<String, List<ColumnMetadata>> viewColumns) {
    this.catalog = catalog;
    this.viewColumns = viewColumns;
  }

  /** Whether a catalog argument admits objects without a catalog (all of Ferrite's). */
  static boolean catalogMatches(String catalogArg) {
    return catalogArg == null || catalogArg.isEmpty();
  }

  static boolean schemaMatches(String schemaPattern) {
    return NamePattern.of(schemaPattern).matches(Catalog.SCHEMA);
  }

  private static boolean inScope(String catalogArg, String schemaPattern) {
    return catalogMatches(catalogArg) && schemaMatches(schemaPattern);
  }

  List<Object[]> tables(String catalogArg, String schemaPattern, String tablePattern, String[] types) {
    List<Object[]> rows = new ArrayList<>();
    if (!inScope(catalogArg, schemaPattern)) {
      return rows;
    }
    Set<String> wanted = null;
    if (types != null) {
      wanted = new HashSet<>();
      for (String t : types) {
        if (t != null) {
          wanted.add(t.toUpperCase(Locale.ROOT));
        }
      }
    }
    NamePattern p = NamePattern.of(tablePattern);
    // Ordered by TABLE_TYPE, then name: "TABLE" sorts before "VIEW".
    if (wanted == null || wanted.contains("TABLE")) {
      for (String name : catalog.tables().keySet()) {
        if (p.matches(name)) {
          rows.add(row(null, Catalog.SCHEMA, name, "TABLE", null, null, null, null, null, null));
        }
      }
    }
    if (wanted == null || wanted.contains("VIEW")) {
      for (String name : catalog.views().keySet()) {
        if (p.matches(name)) {
          rows.add(row(null, Catalog.SCHEMA, name, "VIEW", null, null, null, null, null, null));
        }
      }
    }
    return rows;
  }

  List<Object[]> columns(String catalogArg, String schemaPattern, String tablePattern, String columnPattern) {
    List<Object[]> rows = new ArrayList<>();
    if (!inScope(catalogArg, schemaPattern)) {
      return rows;
    }
    NamePattern tp = NamePattern.of(tablePattern);
    NamePattern cp = NamePattern.of(columnPattern);
    // Tables and views interleave: the order is by table name, then ordinal position.
    TreeMap<String, Object> objects = new TreeMap<>();
    catalog.tables().forEach((n, t) -> {
      if (tp.matches(n)) {
        objects.put(n, t);
      }
    });
    catalog.views().forEach((n, v) -> {
      if (tp.matches(n)) {
        objects.putIfAbsent(n, v);
      }
    });
    for (var e : objects.entrySet()) {
      String table = e.getKey();
      if (e.getValue() instanceof TableDef) {
        List<ColumnDef> cols = ((TableDef) e.getValue()).columns();
        for (int i = 0; i < cols.size(); i++) {
          ColumnDef c = cols.get(i);
          if (cp.matches(c.name())) {
            rows.add(columnRow(table, c.name(), c.type(), c.nullable(), c.defaultSql(), i + 1, c.identity()));
          }
        }
      } else {
        List<ColumnMetadata> cols = viewColumns.apply(((ViewDef) e.getValue()).name());
        for (int i = 0; i < cols.size(); i++) {
          ColumnMetadata c = cols.get(i);
          if (cp.matches(c.label())) {
            rows.add(columnRow(table, c.label(), c.type(), c.nullable(), null, i + 1, false));
          }
        }
      }
    }
    return rows;
  }

  private static Object[] columnRow(String table, String column, ColumnType type, boolean nullable,
      String defaultSql, int position, boolean identity) {
    SqlType t = type.type();
    // Fractional digits apply to exact numbers and timestamps; for REAL/DOUBLE JDBC wants null.
    Integer digits = t.isInteger() || t == SqlType.DECIMAL || t == SqlType.TIMESTAMP ? JdbcTypes.scale(type) : null;
    Integer radix = t.isNumeric() ? JdbcTypes.radix(t) : null;
    Integer octets = t.isCharacter() || t.isBinary() ? JdbcTypes.octetLength(type) : null;
    return row(null, Catalog.SCHEMA, table, column, t.jdbcType(), JdbcTypes.typeName(t),
        JdbcTypes.precision(type), null, digits, radix,
        nullable ? DatabaseMetaData.columnNullable : DatabaseMetaData.columnNoNulls,
        null, defaultSql, null, null, octets, position, nullable ? "YES" : "NO",
        null, null, null, null, identity ? "YES" : "NO", "NO");
  }

  /** Tables named exactly {@code table} (all tables when null). */
  private List<TableDef> tablesNamed(String catalogArg, String schema, String table) {
    List<TableDef> result = new ArrayList<>();
    if (!catalogMatches(catalogArg) || schema != null && !schema.isEmpty() && !schema.equals(Catalog.SCHEMA)) {
      return result;
    }
    if (table == null) {
      result.addAll(catalog.tables().values());
    } else if (catalog.table(table) != null) {
      result.add(catalog.table(table));
    }
    return result;
  }

  List<Object[]> primaryKeys(String catalogArg, String schema, String table) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : tablesNamed(catalogArg, schema, table)) {
      IndexDef pk = t.primaryKey();
      if (pk == null) {
        continue;
      }
      for (int i = 0; i < pk.width(); i++) {
        rows.add(row(null, Catalog.SCHEMA, t.name(), t.columns().get(pk.column(i)).name(), i + 1,
            indexName(pk, t)));
      }
    }
    // JDBC orders primary-key rows by column name.
    rows.sort(Comparator.comparing((Object[] r) -> (String) r[2]).thenComparing(r -> (String) r[3]));
    return rows;
  }

  private static String indexName(IndexDef index, TableDef table) {
    return index.name() != null ? index.name() : "PK_" + table.name();
  }

  /**
   * Index columns, the primary key included (it is the table's clustered index: rows are
   * stored in its order), ordered by NON_UNIQUE, TYPE, INDEX_NAME, ORDINAL_POSITION.
   */
  List<Object[]> indexInfo(String catalogArg, String schema, String table, boolean uniqueOnly) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : tablesNamed(catalogArg, schema, table)) {
      List<IndexDef> all = new ArrayList<>();
      if (t.primaryKey() != null) {
        all.add(t.primaryKey());
      }
      all.addAll(t.indexes());
      for (IndexDef ix : all) {
        boolean unique = ix.unique() || ix.primaryKey();
        if (uniqueOnly && !unique) {
          continue;
        }
        short type = ix.primaryKey() ? DatabaseMetaData.tableIndexClustered : DatabaseMetaData.tableIndexOther;
        for (int i = 0; i < ix.width(); i++) {
          rows.add(row(null, Catalog.SCHEMA, t.name(), !unique, null, indexName(ix, t), type, i + 1,
              t.columns().get(ix.column(i)).name(), ix.descending(i) ? "D" : "A", null, null, null));
        }
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (Boolean) r[3])
        .thenComparing(r -> (Long) r[6])
        .thenComparing(r -> (String) r[5])
        .thenComparing(r -> (Long) r[7]));
    return rows;
  }

  /** The primary key is the best row identifier; tables without one have only a hidden row id. */
  List<Object[]> bestRowIdentifier(String catalogArg, String schema, String table) {
    List<Object[]> rows = new ArrayList<>();
    for (TableDef t : tablesNamed(catalogArg, schema, table == null ? "" : table)) {
      IndexDef pk = t.primaryKey();
      if (pk == null) {
        continue;
      }
      for (int i = 0; i < pk.width(); i++) {
        ColumnDef c = t.columns().get(pk.column(i));
        rows.add(row(DatabaseMetaData.bestRowSession, c.name(), c.type().type().jdbcType(),
            JdbcTypes.typeName(c.type().type()), JdbcTypes.precision(c.type()), null,
            JdbcTypes.scale(c.type()), DatabaseMetaData.bestRowNotPseudo));
      }
    }
    return rows;
  }
}
