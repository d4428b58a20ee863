package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.PooledConnection;
import javax.sql.StatementEvent;
import javax.sql.StatementEventListener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** FerriteDataSource and the ConnectionPoolDataSource/PooledConnection protocol. */
class DataSourceTest {
  @TempDir
  Path dir;

  @Test
  void dataSourceOpensConnectionsWithItsOptions() throws SQLException {
    FerriteDataSource ds = new FerriteDataSource();
    ds.setUrl(Db.fileUrl(dir));
    ds.setBusyTimeout(2000);
    try (Connection c = ds.getConnection()) {
      Db.exec(c, "CREATE TABLE t(x INTEGER)", "INSERT INTO t VALUES (1)");
    }
    ds.setReadOnly(true);
    try (Connection c = ds.getConnection("anyone", "anything")) {
      assertEquals(1, Db.count(c, "t"));
      assertTrue(c.isReadOnly());
      assertEquals("25006", assertThrows(SQLException.class, () -> Db.exec(c, "INSERT INTO t VALUES (2)")).getSQLState());
    }
    assertTrue(ds.isWrapperFor(javax.sql.DataSource.class));
  }

  @Test
  void pooledConnectionHandsOutHandlesAndKeepsThePhysicalConnection() throws SQLException {
    FerriteConnectionPoolDataSource cpds = new FerriteConnectionPoolDataSource(Db.fileUrl(dir));
    PooledConnection pc = cpds.getPooledConnection();
    List<String> events = new ArrayList<>();
    pc.addConnectionEventListener(new ConnectionEventListener() {
      @Override
      public void connectionClosed(ConnectionEvent event) {
        events.add("closed");
      }

      @Override
      public void connectionErrorOccurred(ConnectionEvent event) {
        events.add("error");
      }
    });
    pc.addStatementEventListener(new StatementEventListener() {
      @Override
      public void statementClosed(StatementEvent event) {
        events.add("statementClosed");
      }

      @Override
      public void statementErrorOccurred(StatementEvent event) {
        events.add("statementError");
      }
    });

    Connection first = pc.getConnection();
    Db.exec(first, "CREATE TABLE t(x INTEGER)");
    PreparedStatement ps = first.prepareStatement("INSERT INTO t VALUES (?)");
    assertSame(first, ps.getConnection(), "statements report the handle, not the physical connection");
    ps.setInt(1, 1);
    ps.executeUpdate();
    ps.close();
    first.setAutoCommit(false);
    Db.exec(first, "INSERT INTO t VALUES (2)");
    first.close();
    assertTrue(first.isClosed());
    assertEquals(List.of("statementClosed", "closed"), events);

    Connection second = pc.getConnection();
    assertNotSame(first, second);
    assertTrue(second.getAutoCommit(), "the next user gets autocommit back");
    assertEquals(1, Db.count(second, "t"), "unfinished work of the previous user was rolled back");
    Statement open = second.createStatement();

    Connection third = pc.getConnection();
    assertTrue(second.isClosed(), "a new handle closes the previous one");
    assertTrue(open.isClosed());
    assertEquals("08003", assertThrows(SQLException.class, second::createStatement).getSQLState());
    assertFalse(third.isClosed());
    assertEquals(1, Db.count(third, "t"));

    pc.close();
    assertTrue(third.isClosed());
    assertThrows(SQLException.class, pc::getConnection);
    assertFalse(events.contains("error"));
  }
}
