package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.type.SqlType;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.RowIdLifetime;
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
 * privileges do not exist: those methods return empty results with the standard columns.
 */
public final class FerriteDatabaseMetaData implements DatabaseMetaData {
  /** Keywords of Ferrite's SQL that are not SQL:2003 keywords. */
  static final String SQL_KEYWORDS = "AUTO_INCREMENT,EXPLAIN,IF,INDEX,LIMIT,OFFSET,PLAN";
  /** JDBC escape ({fn ...}) and SQL function names, by group; keep in step with the engine. */
  static final String NUMERIC_FUNCTIONS = "ABS,CEILING,EXP,FLOOR,LN,LOG10,MOD,POWER,ROUND,SIGN,SQRT";
  static final String STRING_FUNCTIONS =
      "CHAR_LENGTH,CHARACTER_LENGTH,CONCAT,LCASE,LOWER,POSITION,SUBSTRING,TRIM,UCASE,UPPER";
  static final String SYSTEM_FUNCTIONS = "COALESCE,IFNULL,NULLIF";
  static final String TIME_DATE_FUNCTIONS =
      "CURRENT_DATE,CURRENT_TIME,CURRENT_TIMESTAMP,CURDATE,CURTIME,EXTRACT,NOW";

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

  // ---- SQL dialect ----

  @Override
  public String getIdentifierQuoteString() {
    return "\"";
  }

  @Override
  public String getSQLKeywords() {
    return SQL_KEYWORDS;
  }

  @Override
  public String getNumericFunctions() {
    return NUMERIC_FUNCTIONS;
  }

  @Override
  public String getStringFunctions() {
    return STRING_FUNCTIONS;
  }

  @Override
  public String getSystemFunctions() {
    return SYSTEM_FUNCTIONS;
  }

  @Override
  public String getTimeDateFunctions() {
    return TIME_DATE_FUNCTIONS;
  }

  @Override
  public String getSearchStringEscape() {
    return NamePattern.ESCAPE;
  }

  @Override
  public String getExtraNameCharacters() {
    return "";
  }

  @Override
  public String getSchemaTerm() {
    return "schema";
  }

  @Override
  public String getProcedureTerm() {
    return "procedure";
  }

  @Override
  public String getCatalogTerm() {
    return "catalog";
  }

  @Override
  public boolean isCatalogAtStart() {
    return true;
  }

  @Override
  public String getCatalogSeparator() {
    return ".";
  }

  @Override
  public int getSQLStateType() {
    return sqlStateSQL;
  }

  // ---- identifiers: unquoted names are stored upper case, quoted ones as written ----

  @Override
  public boolean supportsMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesUpperCaseIdentifiers() {
    return true;
  }

  @Override
  public boolean storesLowerCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseIdentifiers() {
    return false;
  }

  @Override
  public boolean supportsMixedCaseQuotedIdentifiers() {
    return true;
  }

  @Override
  public boolean storesUpperCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesLowerCaseQuotedIdentifiers() {
    return false;
  }

  @Override
  public boolean storesMixedCaseQuotedIdentifiers() {
    return false;
  }

  // ---- transactions ----

  @Override
  public boolean supportsTransactions() {
    return true;
  }

  @Override
  public int getDefaultTransactionIsolation() {
    return Connection.TRANSACTION_SERIALIZABLE;
  }

  /** READ COMMITTED and SERIALIZABLE are real; the other two are substituted (see FerriteConnection). */
  @Override
  public boolean supportsTransactionIsolationLevel(int level) {
    return level == Connection.TRANSACTION_READ_COMMITTED || level == Connection.TRANSACTION_SERIALIZABLE;
  }

  /** DDL is transactional: it commits or rolls back with the transaction that ran it. */
  @Override
  public boolean supportsDataDefinitionAndDataManipulationTransactions() {
    return true;
  }

  @Override
  public boolean supportsDataManipulationTransactionsOnly() {
    return false;
  }

  @Override
  public boolean dataDefinitionCausesTransactionCommit() {
    return false;
  }

  @Override
  public boolean dataDefinitionIgnoredInTransactions() {
    return false;
  }

  @Override
  public boolean supportsMultipleTransactions() {
    return true;
  }

  @Override
  public boolean supportsSavepoints() {
    return true;
  }

  @Override
  public boolean supportsOpenCursorsAcrossCommit() {
    return false;
  }

  @Override
  public boolean supportsOpenCursorsAcrossRollback() {
    return false;
  }

  @Override
  public boolean supportsOpenStatementsAcrossCommit() {
    return true;
  }

  @Override
  public boolean supportsOpenStatementsAcrossRollback() {
    return true;
  }

  @Override
  public boolean autoCommitFailureClosesAllResultSets() {
    return false;
  }

  // ---- statements and results ----

  @Override
  public boolean supportsBatchUpdates() {
    return true;
  }

  @Override
  public boolean supportsGetGeneratedKeys() {
    return true;
  }

  /** Only identity columns have generated values; naming another column returns nothing for it. */
  @Override
  public boolean generatedKeyAlwaysReturned() {
    return false;
  }

  @Override
  public boolean supportsMultipleResultSets() {
    return false;
  }

  @Override
  public boolean supportsMultipleOpenResults() {
    return false;
  }

  @Override
  public boolean supportsNamedParameters() {
    return false;
  }

  @Override
  public boolean supportsStatementPooling() {
    return false;
  }

  @Override
  public boolean supportsResultSetType(int type) {
    return type == ResultSet.TYPE_FORWARD_ONLY || type == ResultSet.TYPE_SCROLL_INSENSITIVE;
  }

  @Override
  public boolean supportsResultSetConcurrency(int type, int concurrency) {
    return supportsResultSetType(type) && concurrency == ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public boolean supportsResultSetHoldability(int holdability) {
    return holdability == ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public int getResultSetHoldability() {
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public boolean ownUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean ownInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersUpdatesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersDeletesAreVisible(int type) {
    return false;
  }

  @Override
  public boolean othersInsertsAreVisible(int type) {
    return false;
  }

  @Override
  public boolean updatesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean deletesAreDetected(int type) {
    return false;
  }

  @Override
  public boolean insertsAreDetected(int type) {
    return false;
  }

  @Override
  public boolean supportsPositionedDelete() {
    return false;
  }

  @Override
  public boolean supportsPositionedUpdate() {
    return false;
  }

  @Override
  public boolean supportsSelectForUpdate() {
    return false;
  }

  @Override
  public boolean supportsStoredProcedures() {
    return false;
  }

  @Override
  public boolean supportsStoredFunctionsUsingCallSyntax() {
    return false;
  }

  @Override
  public boolean allProceduresAreCallable() {
    return true;
  }

  @Override
  public boolean allTablesAreSelectable() {
    return true;
  }

  @Override
  public boolean locatorsUpdateCopy() {
    return true;
  }

  @Override
  public RowIdLifetime getRowIdLifetime() {
    return RowIdLifetime.ROWID_UNSUPPORTED;
  }

  @Override
  public boolean supportsRefCursors() {
    return false;
  }

  @Override
  public boolean supportsSharding() {
    return false;
  }

  // ---- SQL features ----

  @Override
  public boolean supportsAlterTableWithAddColumn() {
    return true;
  }

  @Override
  public boolean supportsAlterTableWithDropColumn() {
    return false;
  }

  @Override
  public boolean supportsColumnAliasing() {
    return true;
  }

  @Override
  public boolean nullPlusNonNullIsNull() {
    return true;
  }

  @Override
  public boolean supportsConvert() {
    return false;
  }

  @Override
  public boolean supportsConvert(int fromType, int toType) {
    return false;
  }

  @Override
  public boolean supportsTableCorrelationNames() {
    return true;
  }

  @Override
  public boolean supportsDifferentTableCorrelationNames() {
    return false;
  }

  @Override
  public boolean supportsExpressionsInOrderBy() {
    return true;
  }

  @Override
  public boolean supportsOrderByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupBy() {
    return true;
  }

  @Override
  public boolean supportsGroupByUnrelated() {
    return true;
  }

  @Override
  public boolean supportsGroupByBeyondSelect() {
    return true;
  }

  @Override
  public boolean supportsLikeEscapeClause() {
    return true;
  }

  @Override
  public boolean supportsNonNullableColumns() {
    return true;
  }

  @Override
  public boolean supportsMinimumSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsCoreSQLGrammar() {
    return true;
  }

  @Override
  public boolean supportsExtendedSQLGrammar() {
    return false;
  }

  @Override
  public boolean supportsANSI92EntryLevelSQL() {
    return true;
  }

  @Override
  public boolean supportsANSI92IntermediateSQL() {
    return false;
  }

  @Override
  public boolean supportsANSI92FullSQL() {
    return false;
  }

  /** No foreign keys or CHECK constraints. */
  @Override
  public boolean supportsIntegrityEnhancementFacility() {
    return false;
  }

  @Override
  public boolean supportsOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsFullOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsLimitedOuterJoins() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInComparisons() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInExists() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInIns() {
    return true;
  }

  @Override
  public boolean supportsSubqueriesInQuantifieds() {
    return true;
  }

  @Override
  public boolean supportsCorrelatedSubqueries() {
    return true;
  }

  @Override
  public boolean supportsUnion() {
    return true;
  }

  @Override
  public boolean supportsUnionAll() {
    return true;
  }

  @Override
  public boolean nullsAreSortedHigh() {
    return false;
  }

  /** NULL sorts as the lowest value (the planner's null collation LOW): first ascending, last descending. */
  @Override
  public boolean nullsAreSortedLow() {
    return true;
  }

  @Override
  public boolean nullsAreSortedAtStart() {
    return false;
  }

  @Override
  public boolean nullsAreSortedAtEnd() {
    return false;
  }

  @Override
  public boolean supportsSchemasInDataManipulation() {
    return true;
  }

  @Override
  public boolean supportsSchemasInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsSchemasInTableDefinitions() {
    return true;
  }

  @Override
  public boolean supportsSchemasInIndexDefinitions() {
    return true;
  }

  @Override
  public boolean supportsSchemasInPrivilegeDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInDataManipulation() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInProcedureCalls() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInTableDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInIndexDefinitions() {
    return false;
  }

  @Override
  public boolean supportsCatalogsInPrivilegeDefinitions() {
    return false;
  }

  // ---- storage and limits (0: no fixed limit) ----

  @Override
  public boolean usesLocalFiles() {
    return true;
  }

  @Override
  public boolean usesLocalFilePerTable() {
    return false;
  }

  @Override
  public int getMaxBinaryLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxCharLiteralLength() {
    return 0;
  }

  @Override
  public int getMaxColumnNameLength() {
    return 0;
  }

  @Override
  public int getMaxColumnsInGroupBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInIndex() {
    return 0;
  }

  @Override
  public int getMaxColumnsInOrderBy() {
    return 0;
  }

  @Override
  public int getMaxColumnsInSelect() {
    return 0;
  }

  @Override
  public int getMaxColumnsInTable() {
    return 0;
  }

  @Override
  public int getMaxConnections() {
    return 0;
  }

  @Override
  public int getMaxCursorNameLength() {
    return 0;
  }

  @Override
  public int getMaxIndexLength() {
    return 0;
  }

  @Override
  public int getMaxSchemaNameLength() {
    return 0;
  }

  @Override
  public int getMaxProcedureNameLength() {
    return 0;
  }

  @Override
  public int getMaxCatalogNameLength() {
    return 0;
  }

  @Override
  public int getMaxRowSize() {
    return 0;
  }

  @Override
  public boolean doesMaxRowSizeIncludeBlobs() {
    return true;
  }

  @Override
  public int getMaxStatementLength() {
    return 0;
  }

  @Override
  public int getMaxStatements() {
    return 0;
  }

  @Override
  public int getMaxTableNameLength() {
    return 0;
  }

  @Override
  public int getMaxTablesInSelect() {
    return 0;
  }

  @Override
  public int getMaxUserNameLength() {
    return 0;
  }

  @Override
  public long getMaxLogicalLobSize() {
    return Integer.MAX_VALUE;
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
