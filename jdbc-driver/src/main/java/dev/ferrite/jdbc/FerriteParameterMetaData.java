package dev.ferrite.jdbc;

import dev.ferrite.engine.ParameterMetadata;
import dev.ferrite.engine.type.SqlType;
import java.sql.ParameterMetaData;
import java.sql.SQLException;
import java.util.List;

/**
 * The {@code ?} parameters of a prepared statement, with the types the planner inferred for
 * them (for example, the column type in {@code WHERE id = ?}). All parameters are IN parameters.
 */
public final class FerriteParameterMetaData implements ParameterMetaData {
  private final List<ParameterMetadata> parameters;

  FerriteParameterMetaData(List<ParameterMetadata> parameters) {
    this.parameters = parameters;
  }

  private ParameterMetadata parameter(int param) throws SQLException {
    return parameters.get(Arguments.checkIndex("parameter", param, parameters.size()));
  }

  private SqlType type(int param) throws SQLException {
    return parameter(param).type().type();
  }

  @Override
  public int getParameterCount() {
    return parameters.size();
  }

  @Override
  public int isNullable(int param) throws SQLException {
    return parameter(param).nullable() ? parameterNullable : parameterNoNulls;
  }

  @Override
  public boolean isSigned(int param) throws SQLException {
    return JdbcTypes.isSigned(type(param));
  }

  @Override
  public int getPrecision(int param) throws SQLException {
    return JdbcTypes.precision(parameter(param).type());
  }

  @Override
  public int getScale(int param) throws SQLException {
    return JdbcTypes.scale(parameter(param).type());
  }

  @Override
  public int getParameterType(int param) throws SQLException {
    return type(param).jdbcType();
  }

  @Override
  public String getParameterTypeName(int param) throws SQLException {
    return JdbcTypes.typeName(type(param));
  }

  @Override
  public String getParameterClassName(int param) throws SQLException {
    return JdbcTypes.className(type(param));
  }

  @Override
  public int getParameterMode(int param) throws SQLException {
    parameter(param);
    return parameterModeIn;
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
