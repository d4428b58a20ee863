package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.engine.Session;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection-level behaviour that is not about transactions. */
class ConnectionTest {
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = Db.open(Db.memUrl());
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void validityAndClose() throws SQLException {
    assertTrue(conn.isValid(0));
    assertThrows(SQLException.class, () -> conn.isValid(-1));
    Statement s = conn.createStatement();
    PreparedStatement ps = conn.prepareStatement("SELECT 1");
    conn.close();
    assertTrue(conn.isClosed());
    assertFalse(conn.isValid(1));
    assertTrue(s.isClosed());
    assertTrue(ps.isClosed());
    assertEquals("08003", assertThrows(SQLException.class, conn::createStatement).getSQLState());
    assertEquals("08003", assertThrows(SQLException.class, () -> conn.prepareStatement("SELECT 1")).getSQLState());
    assertEquals("08003", assertThrows(SQLException.class, conn::getAutoCommit).getSQLState());
    assertEquals("08003", assertThrows(SQLException.class, conn::getMetaData).getSQLState());
    assertThrows(SQLClientInfoException.class, () -> conn.setClientInfo("ApplicationName", "x"));
    conn.close();
  }

  @Test
  void schemaAndCatalog() throws SQLException {
    assertEquals("PUBLIC", conn.getSchema());
    conn.setSchema("PUBLIC");
    conn.setSchema("public");
    SQLException e = assertThrows(SQLException.class, () -> conn.setSchema("OTHER"));
    assertEquals("3F000", e.getSQLState());
    assertEquals("PUBLIC", conn.getSchema());
    assertNull(conn.getCatalog());
    conn.setCatalog("ignored");
    assertNull(conn.getCatalog());
  }

  @Test
  void clientInfo() throws SQLException {
    conn.setClientInfo("ApplicationName", "tests");
    assertEquals("tests", conn.getClientInfo("ApplicationName"));
    conn.clearWarnings();
    conn.setClientInfo("Nonsense", "x");
    assertNotNull(conn.getWarnings());
    assertNull(conn.getClientInfo("Nonsense"));
    Properties p = new Properties();
    p.setProperty("ClientUser", "alice");
    conn.setClientInfo(p);
    assertEquals("alice", conn.getClientInfo().getProperty("ClientUser"));
    assertNull(conn.getClientInfo("ApplicationName"), "setClientInfo(Properties) replaces all");
    try (ResultSet rs = conn.getMetaData().getClientInfoProperties()) {
      int n = 0;
      while (rs.next()) {
        n++;
      }
      assertEquals(3, n);
    }
  }

  @Test
  void holdabilityNetworkTimeoutTypeMapNativeSql() throws SQLException {
    assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, conn.getHoldability());
    conn.setHoldability(ResultSet.CLOSE_CURSORS_AT_COMMIT);
    assertThrows(SQLFeatureNotSupportedException.class, () -> conn.setHoldability(ResultSet.HOLD_CURSORS_OVER_COMMIT));
    conn.setNetworkTimeout(Runnable::run, 1234);
    assertEquals(1234, conn.getNetworkTimeout());
    assertThrows(SQLException.class, () -> conn.setNetworkTimeout(Runnable::run, -1));
    assertTrue(conn.getTypeMap().isEmpty());
    HashMap<String, Class<?>> map = new HashMap<>();
    conn.setTypeMap(map);
    assertSame(map, conn.getTypeMap());
    assertEquals("SELECT {fn UCASE('a')}", conn.nativeSQL("SELECT {fn UCASE('a')}"));
    assertThrows(SQLFeatureNotSupportedException.class, () -> conn.prepareCall("CALL p()"));
    assertThrows(SQLFeatureNotSupportedException.class, conn::createSQLXML);
  }

  @Test
  void unwrapToTheDriverAndTheEngine() throws SQLException {
    assertTrue(conn.isWrapperFor(FerriteConnection.class));
    assertTrue(conn.isWrapperFor(Session.class));
    assertInstanceOf(Session.class, conn.unwrap(Session.class));
    assertSame(conn, conn.unwrap(Connection.class));
    assertThrows(SQLException.class, () -> conn.unwrap(String.class));
  }

  @Test
  void metadataBelongsToTheConnection() throws SQLException {
    assertSame(conn, conn.getMetaData().getConnection());
    assertEquals("Ferrite", conn.getMetaData().getDatabaseProductName());
  }

  @Test
  void twoConnectionsToOneMemoryDatabaseShareIt() throws SQLException {
    String url = Db.memUrl();
    try (Connection a = Db.open(url); Connection b = Db.open(url)) {
      Db.exec(a, "CREATE TABLE shared(x INTEGER)", "INSERT INTO shared VALUES (1)");
      assertEquals(1, Db.count(b, "shared"));
    }
    try (Connection fresh = Db.open(url)) {
      // The last user closed it: a memory database does not outlive its connections.
      assertThrows(SQLException.class, () -> Db.count(fresh, "shared"));
    }
  }
}
