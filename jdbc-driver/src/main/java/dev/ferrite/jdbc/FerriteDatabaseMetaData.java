package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.type.SqlType;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * What Ferrite is and supports, and the schema as result sets. Capabilities answer true only
 * for what the engine does. Schema results read the catalog version the connection sees now
 * (its transaction's, so uncommitted DDL of this connection shows); they come back as
 * in-memory, scrollable result sets whose {@code getStatement()} is null.
 *
 * <p>Objects live in the one schema PUBLIC; there are no catalogs (TABLE_CAT is null). Name
 * patterns use {@code %}, {@code _} and the escape {@code \}, and match names as stored
 * (unquoted identifiers upper case). Foreign keys, procedures, functions, user-defined types and
 * privileges do not exist: those methods return empty results with the standard columns. The
 * constant answers (dialect, transactions, result sets, limits) are in {@link FerriteCapabilities}.
 */
public final class FerriteDatabaseMetaData extends FerriteCapabilities {
  private final FerriteConnection connection;
  private final boolean readOnly;

  FerriteDatabaseMetaData(FerriteConnection connection, boolean readOnly) {
    this.connection = connection;
    this.readOnly = readOnly;
  }

  private CatalogQueries queries() throws SQLException {
    Catalog catalog = connection.catalog();
    return new CatalogQueries(catalog, this::viewColumns);
  }

  /** A view's columns, by preparing a query over it; none if it no longer prepares. */
  private List<ColumnMetadata> viewColumns(String view) {
    try {
      Prepared p = connection.prepareInternal("SELECT * FROM \"" + view.replace("\"", "\"\"") + "\"");
      return p.kind() == StatementKind.QUERY ? p.columns() : List.of();
    } catch (RuntimeException e) {
      return List.of();
    }
  }

  // ---- the schema ----

  @Override
  public ResultSet getTables(String catalog, String schemaPattern, String tableNamePattern, String[] types)
      throws SQLException {
    return MetaRows.result(MetaLayouts.TABLES, queries().tables(catalog, schemaPattern, tableNamePattern, types));
  }

  @Override
  public ResultSet getColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    return MetaRows.result(MetaLayouts.COLUMNS,
        queries().columns(catalog, schemaPattern, tableNamePattern, columnNamePattern));
  }

  @Override
  public ResultSet getPrimaryKeys(String catalog, String schema, String table) throws SQLException {
    return MetaRows.result(MetaLayouts.PRIMARY_KEYS, queries().primaryKeys(catalog, schema, table));
  }

  /** Includes the primary key (TYPE tableIndexClustered: rows are stored in its order). */
  @Override
  public ResultSet getIndexInfo(String catalog, String schema, String table, boolean unique, boolean approximate)
      throws SQLException {
    return MetaRows.result(MetaLayouts.INDEX_INFO, queries().indexInfo(catalog, schema, table, unique));
  }

  @Override
  public ResultSet getBestRowIdentifier(String catalog, String schema, String table, int scope, boolean nullable)
      throws SQLException {
    return MetaRows.result(MetaLayouts.ROW_IDENTIFIER, queries().bestRowIdentifier(catalog, schema, table));
  }

  @Override
  public ResultSet getSchemas() throws SQLException {
    return getSchemas(null, null);
  }

  @Override
  public ResultSet getSchemas(String catalog, String schemaPattern) throws SQLException {
    connection.checkOpen();
    List<Object[]> rows = new ArrayList<>();
    if (CatalogQueries.catalogMatches(catalog) && CatalogQueries.schemaMatches(schemaPattern)) {
      rows.add(MetaRows.row(Catalog.SCHEMA, null));
    }
    return MetaRows.result(MetaLayouts.SCHEMAS, rows);
  }

  @Override
  public ResultSet getCatalogs() throws SQLException {
    return empty(MetaLayouts.CATALOGS);
  }

  @Override
  public ResultSet getTableTypes() throws SQLException {
    connection.checkOpen();
    return MetaRows.result(MetaLayouts.TABLE_TYPES, List.of(MetaRows.row("TABLE"), MetaRows.row("VIEW")));
  }

  @Override
  public ResultSet getTypeInfo() throws SQLException {
    connection.checkOpen();
    List<Object[]> rows = new ArrayList<>();
    for (SqlType t : SqlType.values()) {
      if (t != SqlType.NULL) {
        rows.add(typeInfoRow(t));
      }
    }
    rows.sort(Comparator.comparing((Object[] r) -> (Long) r[1]).thenComparing(r -> (String) r[0]));
    return MetaRows.result(MetaLayouts.TYPE_INFO, rows);
  }

  private static Object[] typeInfoRow(SqlType t) {
    String prefix = null;
    String suffix = null;
    if (t.isCharacter()) {
      prefix = "'";
      suffix = "'";
    } else if (t.isBinary()) {
      prefix = "X'";
      suffix = "'";
    } else if (t == SqlType.DATE || t == SqlType.TIME || t == SqlType.TIMESTAMP) {
      prefix = t.name() + " '";
      suffix = "'";
    }
    String createParams = null;
    if (t == SqlType.CHAR || t == SqlType.VARCHAR || t == SqlType.BINARY || t == SqlType.VARBINARY) {
      createParams = "length";
    } else if (t == SqlType.DECIMAL) {
      createParams = "precision,scale";
    }
    int maxPrecision = t == SqlType.DECIMAL ? JdbcTypes.maxDecimalPrecision()
        : JdbcTypes.precision(dev.ferrite.engine.type.ColumnType.of(t));
    int maxScale = t == SqlType.DECIMAL ? JdbcTypes.maxDecimalPrecision() : t == SqlType.TIMESTAMP ? 9 : 0;
    short searchable = t == SqlType.BLOB || t == SqlType.CLOB ? (short) typePredChar : (short) typeSearchable;
    return MetaRows.row(JdbcTypes.typeName(t), t.jdbcType(), maxPrecision, prefix, suffix, createParams,
        (short) typeNullable, t.isCharacter(), searchable, false, false, t.isInteger(), null,
        (short) 0, (short) maxScale, null, null, t.isNumeric() ? 10 : null);
  }

  @Override
  public ResultSet getClientInfoProperties() throws SQLException {
    connection.checkOpen();
    return MetaRows.result(MetaLayouts.CLIENT_INFO, List.of(
        MetaRows.row("ApplicationName", 1024, null, "the name of the application using the connection"),
        MetaRows.row("ClientHostname", 1024, null, "the host the application runs on"),
        MetaRows.row("ClientUser", 1024, null, "the user the application works for")));
  }

  private ResultSet empty(List<ColumnMetadata> layout) throws SQLException {
    connection.checkOpen();
    return MetaRows.empty(layout);
  }

  @Override
  public ResultSet getImportedKeys(String catalog, String schema, String table) throws SQLException {
    return empty(MetaLayouts.KEYS);
  }

  @Override
  public ResultSet getExportedKeys(String catalog, String schema, String table) throws SQLException {
    return empty(MetaLayouts.KEYS);
  }

  @Override
  public ResultSet getCrossReference(String parentCatalog, String parentSchema, String parentTable,
      String foreignCatalog, String foreignSchema, String foreignTable) throws SQLException {
    return empty(MetaLayouts.KEYS);
  }

  @Override
  public ResultSet getProcedures(String catalog, String schemaPattern, String procedureNamePattern)
      throws SQLException {
    return empty(MetaLayouts.PROCEDURES);
  }

  @Override
  public ResultSet getProcedureColumns(String catalog, String schemaPattern, String procedureNamePattern,
      String columnNamePattern) throws SQLException {
    return empty(MetaLayouts.PROCEDURE_COLUMNS);
  }

  @Override
  public ResultSet getFunctions(String catalog, String schemaPattern, String functionNamePattern)
      throws SQLException {
    return empty(MetaLayouts.FUNCTIONS);
  }

  @Override
  public ResultSet getFunctionColumns(String catalog, String schemaPattern, String functionNamePattern,
      String columnNamePattern) throws SQLException {
    return empty(MetaLayouts.FUNCTION_COLUMNS);
  }

  @Override
  public ResultSet getUDTs(String catalog, String schemaPattern, String typeNamePattern, int[] types)
      throws SQLException {
    return empty(MetaLayouts.UDTS);
  }

  @Override
  public ResultSet getSuperTypes(String catalog, String schemaPattern, String typeNamePattern) throws SQLException {
    return empty(MetaLayouts.SUPER_TYPES);
  }

  @Override
  public ResultSet getSuperTables(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return empty(MetaLayouts.SUPER_TABLES);
  }

  @Override
  public ResultSet getAttributes(String catalog, String schemaPattern, String typeNamePattern,
      String attributeNamePattern) throws SQLException {
    return empty(MetaLayouts.ATTRIBUTES);
  }

  @Override
  public ResultSet getPseudoColumns(String catalog, String schemaPattern, String tableNamePattern,
      String columnNamePattern) throws SQLException {
    return empty(MetaLayouts.PSEUDO_COLUMNS);
  }

  @Override
  public ResultSet getVersionColumns(String catalog, String schema, String table) throws SQLException {
    return empty(MetaLayouts.ROW_IDENTIFIER);
  }

  @Override
  public ResultSet getColumnPrivileges(String catalog, String schema, String table, String columnNamePattern)
      throws SQLException {
    return empty(MetaLayouts.COLUMN_PRIVILEGES);
  }

  @Override
  public ResultSet getTablePrivileges(String catalog, String schemaPattern, String tableNamePattern)
      throws SQLException {
    return empty(MetaLayouts.TABLE_PRIVILEGES);
  }

  // ---- identity ----

  @Override
  public String getURL() {
    return connection.url();
  }

  /** Ferrite has no users; the empty string. */
  @Override
  public String getUserName() {
    return "";
  }

  @Override
  public boolean isReadOnly() {
    return readOnly;
  }

  @Override
  public String getDatabaseProductName() {
    return "Ferrite";
  }

  @Override
  public String getDatabaseProductVersion() {
    return DriverVersion.VERSION;
  }

  @Override
  public String getDriverName() {
    return "Ferrite JDBC driver";
  }

  @Override
  public String getDriverVersion() {
    return DriverVersion.VERSION;
  }

  @Override
  public int getDriverMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getDriverMinorVersion() {
    return DriverVersion.MINOR;
  }

  @Override
  public int getDatabaseMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getDatabaseMinorVersion() {
    return DriverVersion.MINOR;
  }

  @Override
  public int getJDBCMajorVersion() {
    return 4;
  }

  @Override
  public int getJDBCMinorVersion() {
    return 3;
  }

  @Override
  public Connection getConnection() throws SQLException {
    connection.checkOpen();
    return connection.facade();
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(iface, this);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(iface, this);
  }
}
