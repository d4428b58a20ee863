package dev.ferrite.jdbc;

import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Executor;

/**
 * The logical connection a {@link FerritePooledConnection} hands out: it forwards everything to
 * the physical connection until closed; closing it returns the physical connection to the pool
 * (the pool's listeners hear connectionClosed) instead of closing it. A closed handle behaves
 * like a closed connection (SQLSTATE 08003).
 */
final class PooledConnectionHandle implements Connection {
  private final FerritePooledConnection owner;
  private final FerriteConnection physical;
  private volatile boolean closed;

  PooledConnectionHandle(FerritePooledConnection owner, FerriteConnection physical) {
    this.owner = owner;
    this.physical = physical;
  }

  private FerriteConnection target() throws SQLException {
    if (closed) {
      throw SqlExceptions.connectionClosed();
    }
    return physical;
  }

  /** Marks the handle closed without notifying (the pooled connection closed it). */
  void invalidate() {
    closed = true;
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      owner.handleClosed(this);
    }
  }

  @Override
  public boolean isClosed() {
    return closed || physical.isClosed();
  }

  @Override
  public boolean isValid(int timeout) throws SQLException {
    return !closed && physical.isValid(timeout);
  }

  @Override
  public void abort(Executor executor) throws SQLException {
    if (!closed) {
      closed = true;
      physical.abort(executor);
    }
  }

  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("connection is closed", SqlExceptions.CONNECTION_CLOSED, 0, Map.of());
    }
    physical.setClientInfo(name, value);
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("connection is closed", SqlExceptions.CONNECTION_CLOSED, 0, Map.of());
    }
    physical.setClientInfo(properties);
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    if (iface.isInstance(this)) {
      return iface.cast(this);
    }
    return target().unwrap(iface);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) throws SQLException {
    return iface.isInstance(this) || target().isWrapperFor(iface);
  }

  @Override
  public Statement createStatement() throws SQLException {
    return target().createStatement();
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return target().prepareStatement(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    return target().prepareCall(sql);
  }

  @Override
  public String nativeSQL(String sql) throws SQLException {
    return target().nativeSQL(sql);
  }

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    target().setAutoCommit(autoCommit);
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    return target().getAutoCommit();
  }

  @Override
  public void commit() throws SQLException {
    target().commit();
  }

  @Override
  public void rollback() throws SQLException {
    target().rollback();
  }

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    return target().getMetaData();
  }

  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    target().setReadOnly(readOnly);
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    return target().isReadOnly();
  }

  @Override
  public void setCatalog(String catalog) throws SQLException {
    target().setCatalog(catalog);
  }

  @Override
  public String getCatalog() throws SQLException {
    return target().getCatalog();
  }

  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    target().setTransactionIsolation(level);
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    return target().getTransactionIsolation();
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    return target().getWarnings();
  }

  @Override
  public void clearWarnings() throws SQLException {
    target().clearWarnings();
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return target().createStatement(type, concurrency);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
    return target().prepareStatement(sql, type, concurrency);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    return target().prepareCall(sql, type, concurrency);
  }

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    return target().getTypeMap();
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    target().setTypeMap(map);
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    target().setHoldability(holdability);
  }

  @Override
  public int getHoldability() throws SQLException {
    return target().getHoldability();
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    return target().setSavepoint();
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    return target().setSavepoint(name);
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    target().rollback(savepoint);
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    target().releaseSavepoint(savepoint);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    return target().createStatement(type, concurrency, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability) throws SQLException {
    return target().prepareStatement(sql, type, concurrency, holdability);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
    return target().prepareCall(sql, type, concurrency, holdability);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    return target().prepareStatement(sql, autoGeneratedKeys);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return target().prepareStatement(sql, columnIndexes);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return target().prepareStatement(sql, columnNames);
  }

  @Override
  public Clob createClob() throws SQLException {
    return target().createClob();
  }

  @Override
  public Blob createBlob() throws SQLException {
    return target().createBlob();
  }

  @Override
  public NClob createNClob() throws SQLException {
    return target().createNClob();
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    return target().createSQLXML();
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    return target().getClientInfo(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    return target().getClientInfo();
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    return target().createArrayOf(typeName, elements);
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    return target().createStruct(typeName, attributes);
  }

  @Override
  public void setSchema(String schema) throws SQLException {
    target().setSchema(schema);
  }

  @Override
  public String getSchema() throws SQLException {
    return target().getSchema();
  }

  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    target().setNetworkTimeout(executor, milliseconds);
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    return target().getNetworkTimeout();
  }
}
