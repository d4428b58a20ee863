package dev.ferrite.jdbc;

import static dev.ferrite.jdbc.MetaRows.BOOL;
import static dev.ferrite.jdbc.MetaRows.INT;
import static dev.ferrite.jdbc.MetaRows.LONG;
import static dev.ferrite.jdbc.MetaRows.SHORT;
import static dev.ferrite.jdbc.MetaRows.TEXT;
import static dev.ferrite.jdbc.MetaRows.columns;

import dev.ferrite.engine.ColumnMetadata;
import java.util.List;

/**
 * The column layouts of the DatabaseMetaData results, exactly as the JDBC 4.3 Javadoc lists
 * them (names, order and types), so tools that read by position or by name both work.
 */
final class MetaLayouts {
  static final List<ColumnMetadata> TABLES = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "TABLE_TYPE", TEXT, "REMARKS", TEXT,
      "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "SELF_REFERENCING_COL_NAME", TEXT,
      "REF_GENERATION", TEXT);

  static final List<ColumnMetadata> COLUMNS = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT,
      "TYPE_NAME", TEXT, "COLUMN_SIZE", INT, "BUFFER_LENGTH", INT, "DECIMAL_DIGITS", INT,
      "NUM_PREC_RADIX", INT, "NULLABLE", INT, "REMARKS", TEXT, "COLUMN_DEF", TEXT, "SQL_DATA_TYPE", INT,
      "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT,
      "SCOPE_CATALOG", TEXT, "SCOPE_SCHEMA", TEXT, "SCOPE_TABLE", TEXT, "SOURCE_DATA_TYPE", SHORT,
      "IS_AUTOINCREMENT", TEXT, "IS_GENERATEDCOLUMN", TEXT);

  static final List<ColumnMetadata> PRIMARY_KEYS = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "KEY_SEQ", SHORT,
      "PK_NAME", TEXT);

  static final List<ColumnMetadata> INDEX_INFO = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "NON_UNIQUE", BOOL,
      "INDEX_QUALIFIER", TEXT, "INDEX_NAME", TEXT, "TYPE", SHORT, "ORDINAL_POSITION", SHORT,
      "COLUMN_NAME", TEXT, "ASC_OR_DESC", TEXT, "CARDINALITY", LONG, "PAGES", LONG,
      "FILTER_CONDITION", TEXT);

  static final List<ColumnMetadata> KEYS = columns(
      "PKTABLE_CAT", TEXT, "PKTABLE_SCHEM", TEXT, "PKTABLE_NAME", TEXT, "PKCOLUMN_NAME", TEXT,
      "FKTABLE_CAT", TEXT, "FKTABLE_SCHEM", TEXT, "FKTABLE_NAME", TEXT, "FKCOLUMN_NAME", TEXT,
      "KEY_SEQ", SHORT, "UPDATE_RULE", SHORT, "DELETE_RULE", SHORT, "FK_NAME", TEXT, "PK_NAME", TEXT,
      "DEFERRABILITY", SHORT);

  static final List<ColumnMetadata> TYPE_INFO = columns(
      "TYPE_NAME", TEXT, "DATA_TYPE", INT, "PRECISION", INT, "LITERAL_PREFIX", TEXT,
      "LITERAL_SUFFIX", TEXT, "CREATE_PARAMS", TEXT, "NULLABLE", SHORT, "CASE_SENSITIVE", BOOL,
      "SEARCHABLE", SHORT, "UNSIGNED_ATTRIBUTE", BOOL, "FIXED_PREC_SCALE", BOOL, "AUTO_INCREMENT", BOOL,
      "LOCAL_TYPE_NAME", TEXT, "MINIMUM_SCALE", SHORT, "MAXIMUM_SCALE", SHORT, "SQL_DATA_TYPE", INT,
      "SQL_DATETIME_SUB", INT, "NUM_PREC_RADIX", INT);

  static final List<ColumnMetadata> SCHEMAS = columns("TABLE_SCHEM", TEXT, "TABLE_CATALOG", TEXT);

  static final List<ColumnMetadata> CATALOGS = columns("TABLE_CAT", TEXT);

  static final List<ColumnMetadata> TABLE_TYPES = columns("TABLE_TYPE", TEXT);

  static final List<ColumnMetadata> PROCEDURES = columns(
      "PROCEDURE_CAT", TEXT, "PROCEDURE_SCHEM", TEXT, "PROCEDURE_NAME", TEXT, "RESERVED1", TEXT,
      "RESERVED2", TEXT, "RESERVED3", TEXT, "REMARKS", TEXT, "PROCEDURE_TYPE", SHORT, "SPECIFIC_NAME", TEXT);

  static final List<ColumnMetadata> PROCEDURE_COLUMNS = columns(
      "PROCEDURE_CAT", TEXT, "PROCEDURE_SCHEM", TEXT, "PROCEDURE_NAME", TEXT, "COLUMN_NAME", TEXT,
      "COLUMN_TYPE", SHORT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "PRECISION", INT, "LENGTH", INT,
      "SCALE", SHORT, "RADIX", SHORT, "NULLABLE", SHORT, "REMARKS", TEXT, "COLUMN_DEF", TEXT,
      "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT, "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT,
      "IS_NULLABLE", TEXT, "SPECIFIC_NAME", TEXT);

  static final List<ColumnMetadata> FUNCTIONS = columns(
      "FUNCTION_CAT", TEXT, "FUNCTION_SCHEM", TEXT, "FUNCTION_NAME", TEXT, "REMARKS", TEXT,
      "FUNCTION_TYPE", SHORT, "SPECIFIC_NAME", TEXT);

  static final List<ColumnMetadata> FUNCTION_COLUMNS = columns(
      "FUNCTION_CAT", TEXT, "FUNCTION_SCHEM", TEXT, "FUNCTION_NAME", TEXT, "COLUMN_NAME", TEXT,
      "COLUMN_TYPE", SHORT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "PRECISION", INT, "LENGTH", INT,
      "SCALE", SHORT, "RADIX", SHORT, "NULLABLE", SHORT, "REMARKS", TEXT, "CHAR_OCTET_LENGTH", INT,
      "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT, "SPECIFIC_NAME", TEXT);

  static final List<ColumnMetadata> UDTS = columns(
      "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "CLASS_NAME", TEXT, "DATA_TYPE", INT,
      "REMARKS", TEXT, "BASE_TYPE", SHORT);

  static final List<ColumnMetadata> SUPER_TYPES = columns(
      "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "SUPERTYPE_CAT", TEXT,
      "SUPERTYPE_SCHEM", TEXT, "SUPERTYPE_NAME", TEXT);

  static final List<ColumnMetadata> SUPER_TABLES = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "SUPERTABLE_NAME", TEXT);

  static final List<ColumnMetadata> ATTRIBUTES = columns(
      "TYPE_CAT", TEXT, "TYPE_SCHEM", TEXT, "TYPE_NAME", TEXT, "ATTR_NAME", TEXT, "DATA_TYPE", INT,
      "ATTR_TYPE_NAME", TEXT, "ATTR_SIZE", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT,
      "NULLABLE", INT, "REMARKS", TEXT, "ATTR_DEF", TEXT, "SQL_DATA_TYPE", INT, "SQL_DATETIME_SUB", INT,
      "CHAR_OCTET_LENGTH", INT, "ORDINAL_POSITION", INT, "IS_NULLABLE", TEXT, "SCOPE_CATALOG", TEXT,
      "SCOPE_SCHEMA", TEXT, "SCOPE_TABLE", TEXT, "SOURCE_DATA_TYPE", SHORT);

  static final List<ColumnMetadata> PSEUDO_COLUMNS = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT,
      "COLUMN_SIZE", INT, "DECIMAL_DIGITS", INT, "NUM_PREC_RADIX", INT, "COLUMN_USAGE", TEXT,
      "REMARKS", TEXT, "CHAR_OCTET_LENGTH", INT, "IS_NULLABLE", TEXT);

  /** getBestRowIdentifier and getVersionColumns share this layout. */
  static final List<ColumnMetadata> ROW_IDENTIFIER = columns(
      "SCOPE", SHORT, "COLUMN_NAME", TEXT, "DATA_TYPE", INT, "TYPE_NAME", TEXT, "COLUMN_SIZE", INT,
      "BUFFER_LENGTH", INT, "DECIMAL_DIGITS", SHORT, "PSEUDO_COLUMN", SHORT);

  static final List<ColumnMetadata> COLUMN_PRIVILEGES = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "COLUMN_NAME", TEXT, "GRANTOR", TEXT,
      "GRANTEE", TEXT, "PRIVILEGE", TEXT, "IS_GRANTABLE", TEXT);

  static final List<ColumnMetadata> TABLE_PRIVILEGES = columns(
      "TABLE_CAT", TEXT, "TABLE_SCHEM", TEXT, "TABLE_NAME", TEXT, "GRANTOR", TEXT, "GRANTEE", TEXT,
      "PRIVILEGE", TEXT, "IS_GRANTABLE", TEXT);

  static final List<ColumnMetadata> CLIENT_INFO = columns(
      "NAME", TEXT, "MAX_LEN", INT, "DEFAULT_VALUE", TEXT, "DESCRIPTION", TEXT);

  private MetaLayouts() {
  }
}
