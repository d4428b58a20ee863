package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.type.SqlType;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * Describes the columns of a result, from the engine's {@link ColumnMetadata}: label, base
 * column and table when the column is a plain column reference, type, nullability. Catalog names
 * are "" (Ferrite has no catalogs). Available before execution through
 * {@code PreparedStatement.getMetaData()}.
 */
public final class FerriteResultSetMetaData implements ResultSetMetaData {
  private final List<ColumnMetadata> columns;

  FerriteResultSetMetaData(List<ColumnMetadata> columns) {
    this.columns = columns;
  }

  private ColumnMetadata column(int column) throws SQLException {
    return columns.get(Arguments.checkIndex("column", column, columns.size()));
  }

  private SqlType type(int column) throws SQLException {
    return column(column).type().type();
  }

  @Override
  public int getColumnCount() {
    return columns.size();
  }

  @Override
  public boolean isAutoIncrement(int column) throws SQLException {
    return column(column).autoIncrement();
  }

  @Override
  public boolean isCaseSensitive(int column) throws SQLException {
    return JdbcTypes.isCaseSensitive(type(column));
  }

  @Override
  public boolean isSearchable(int column) throws SQLException {
    column(column);
    return true;
  }

  @Override
  public boolean isCurrency(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public int isNullable(int column) throws SQLException {
    return column(column).nullable() ? columnNullable : columnNoNulls;
  }

  @Override
  public boolean isSigned(int column) throws SQLException {
    return JdbcTypes.isSigned(type(column));
  }

  @Override
  public int getColumnDisplaySize(int column) throws SQLException {
    return column(column).type().displaySize();
  }

  @Override
  public String getColumnLabel(int column) throws SQLException {
    return column(column).label();
  }

  /** The base column's name when the column is a plain column reference, else its label. */
  @Override
  public String getColumnName(int column) throws SQLException {
    ColumnMetadata c = column(column);
    return c.columnName() == null || c.columnName().isEmpty() ? c.label() : c.columnName();
  }

  @Override
  public String getSchemaName(int column) throws SQLException {
    String s = column(column).schemaName();
    return s == null ? "" : s;
  }

  @Override
  public int getPrecision(int column) throws SQLException {
    return JdbcTypes.precision(column(column).type());
  }

  @Override
  public int getScale(int column) throws SQLException {
    return JdbcTypes.scale(column(column).type());
  }

  @Override
  public String getTableName(int column) throws SQLException {
    String t = column(column).tableName();
    return t == null ? "" : t;
  }

  @Override
  public String getCatalogName(int column) throws SQLException {
    column(column);
    return "";
  }

  @Override
  public int getColumnType(int column) throws SQLException {
    return type(column).jdbcType();
  }

  @Override
  public String getColumnTypeName(int column) throws SQLException {
    return JdbcTypes.typeName(type(column));
  }

  @Override
  public boolean isReadOnly(int column) throws SQLException {
    // A column computed by an expression cannot be written; a base column could be, by UPDATE.
    return getTableName(column).isEmpty();
  }

  @Override
  public boolean isWritable(int column) throws SQLException {
    return !isReadOnly(column);
  }

  @Override
  public boolean isDefinitelyWritable(int column) throws SQLException {
    column(column);
    return false;
  }

  @Override
  public String getColumnClassName(int column) throws SQLException {
    return JdbcTypes.className(type(column));
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
