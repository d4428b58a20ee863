package dev.ferrite.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;

/**
 * One physical connection kept by a pool. {@link #getConnection()} hands out a logical handle
 * (closing any previous one, as JDBC requires); closing the handle closes its statements, rolls
 * back unfinished work and tells the listeners {@code connectionClosed}, leaving the physical
 * connection open for the next user. A connection-level failure (SQLSTATE class 08) is reported
 * as {@code connectionErrorOccurred}, so the pool discards the connection.
 */
public final class FerritePooledConnection implements PooledConnection {
  private final FerriteConnection physical;
  private final List<ConnectionEventListener> listeners = new CopyOnWriteArrayList<>();
  private final List<StatementEventListener> statementListeners = new CopyOnWriteArrayList<>();
  private volatile PooledConnectionHandle handle;
  private volatile boolean closed;

  FerritePooledConnection(FerriteConnection physical) {
    this.physical = physical;
  }

  @Override
  public Connection getConnection() throws SQLException {
    if (closed) {
      throw SqlExceptions.connectionClosed();
    }
    PooledConnectionHandle old = handle;
    if (old != null) {
      old.invalidate();
      resetPhysical();
    }
    PooledConnectionHandle h = new PooledConnectionHandle(this, physical);
    handle = h;
    physical.attachPool(this, h);
    return h;
  }

  /** Leaves the physical connection as a new user expects it: no statements, no open work. */
  private void resetPhysical() throws SQLException {
    physical.closeStatementsForReuse();
    if (!physical.getAutoCommit()) {
      physical.rollback();
      physical.setAutoCommit(true);
    }
  }

  void handleClosed(PooledConnectionHandle h) throws SQLException {
    if (handle != h) {
      return;
    }
    handle = null;
    try {
      resetPhysical();
    } catch (SQLException e) {
      fatalError(e);
      throw e;
    } finally {
      physical.attachPool(this, null);
    }
    ConnectionEvent event = new ConnectionEvent(this);
    for (ConnectionEventListener l : listeners) {
      l.connectionClosed(event);
    }
  }

  void fatalError(SQLException e) {
    ConnectionEvent event = new ConnectionEvent(this, e);
    for (ConnectionEventListener l : listeners) {
      l.connectionErrorOccurred(event);
    }
  }

  void preparedStatementClosed(PreparedStatement statement) {
    if (statementListeners.isEmpty()) {
      return;
    }
    StatementEvent event = new StatementEvent(this, statement);
    for (StatementEventListener l : statementListeners) {
      l.statementClosed(event);
    }
  }

  /** Closes the physical connection (rolling back open work). */
  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    PooledConnectionHandle h = handle;
    handle = null;
    if (h != null) {
      h.invalidate();
    }
    physical.close();
  }

  @Override
  public void addConnectionEventListener(ConnectionEventListener listener) {
    if (listener != null) {
      listeners.add(listener);
    }
  }

  @Override
  public void removeConnectionEventListener(ConnectionEventListener listener) {
    listeners.remove(listener);
  }

  @Override
  public void addStatementEventListener(StatementEventListener listener) {
    if (listener != null) {
      statementListeners.add(listener);
    }
  }

  @Override
  public void removeStatementEventListener(StatementEventListener listener) {
    statementListeners.remove(listener);
  }
}
