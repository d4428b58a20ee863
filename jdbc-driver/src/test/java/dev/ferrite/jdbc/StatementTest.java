package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLWarning;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement execution and the JDBC result protocol, through the driver. */
class StatementTest {
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = Db.open(Db.memUrl());
    Db.exec(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, v VARCHAR(20))",
        "INSERT INTO t VALUES (1, 'a'), (2, 'b'), (3, 'c'), (4, 'd'), (5, 'e')");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void queryResultProtocol() throws SQLException {
    try (Statement s = conn.createStatement()) {
      assertTrue(s.execute("SELECT id FROM t ORDER BY id"));
      ResultSet rs = s.getResultSet();
      assertNotNull(rs);
      assertSame(rs, s.getResultSet());
      assertEquals(-1, s.getUpdateCount());
      assertSame(s, rs.getStatement());
      assertTrue(rs.next());
      assertEquals(1, rs.getInt(1));
      assertFalse(s.getMoreResults());
      assertTrue(rs.isClosed(), "getMoreResults closes the current result");
      assertNull(s.getResultSet());
      assertEquals(-1, s.getUpdateCount());
    }
  }

  @Test
  void updateResultProtocol() throws SQLException {
    try (Statement s = conn.createStatement()) {
      assertFalse(s.execute("UPDATE t SET v = 'z' WHERE id > 3"));
      assertNull(s.getResultSet());
      assertEquals(2, s.getUpdateCount());
      assertEquals(2L, s.getLargeUpdateCount());
      assertFalse(s.getMoreResults());
      assertEquals(-1, s.getUpdateCount());
      assertFalse(s.execute("CREATE TABLE u(x INTEGER)"));
      assertEquals(0, s.getUpdateCount());
      assertEquals(3, s.executeUpdate("DELETE FROM t WHERE id <= 3"));
      assertEquals(2L, s.executeLargeUpdate("DELETE FROM t"));
      assertEquals(0, s.executeUpdate("DROP TABLE u"));
    }
  }

  @Test
  void executeQueryRefusesStatementsWithoutRowsAndDoesNotRunThem() throws SQLException {
    try (Statement s = conn.createStatement()) {
      SQLException e = assertThrows(SQLException.class, () -> s.executeQuery("DELETE FROM t"));
      assertEquals("07005", e.getSQLState());
      assertEquals(5, Db.count(conn, "t"));
      SQLException u = assertThrows(SQLException.class, () -> s.executeUpdate("SELECT * FROM t"));
      assertEquals("07003", u.getSQLState());
    }
  }

  @Test
  void severalStatementsInOneStringAreRejected() throws SQLException {
    try (Statement s = conn.createStatement()) {
      SQLException e = assertThrows(SQLSyntaxErrorException.class,
          () -> s.execute("DELETE FROM t WHERE id = 1; DELETE FROM t WHERE id = 2"));
      assertEquals("42000", e.getSQLState());
      assertEquals(5, Db.count(conn, "t"));
    }
  }

  @Test
  void errorsAreMappedWithPositions() throws SQLException {
    try (Statement s = conn.createStatement()) {
      SQLSyntaxErrorException syntax = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeQuery("SELECT id\nFORM t"));
      assertTrue(syntax.getMessage().contains("at line 2, column"), syntax.getMessage());
      SQLSyntaxErrorException missing = assertThrows(SQLSyntaxErrorException.class,
          () -> s.executeQuery("SELECT * FROM nowhere"));
      assertEquals("42S02", missing.getSQLState());
      SQLIntegrityConstraintViolationException dup = assertThrows(SQLIntegrityConstraintViolationException.class,
          () -> s.executeUpdate("INSERT INTO t VALUES (1, 'again')"));
      assertEquals("23505", dup.getSQLState());
      assertEquals("22012", assertThrows(java.sql.SQLDataException.class,
          () -> Db.queryLong(conn, "SELECT 1 / 0 FROM t WHERE id = 1")).getSQLState());
    }
  }

  @Test
  void maxRowsLimitsQueries() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.setMaxRows(2);
      assertEquals(2, s.getMaxRows());
      int n = 0;
      try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
        while (rs.next()) {
          n++;
        }
      }
      assertEquals(2, n);
      assertThrows(SQLException.class, () -> s.setMaxRows(-1));
    }
  }

  @Test
  void reexecutingClosesThePreviousResult() throws SQLException {
    try (Statement s = conn.createStatement()) {
      ResultSet first = s.executeQuery("SELECT * FROM t");
      ResultSet second = s.executeQuery("SELECT * FROM t");
      assertTrue(first.isClosed());
      assertFalse(second.isClosed());
    }
  }

  @Test
  void closeOnCompletionClosesTheStatementWithItsResult() throws SQLException {
    Statement s = conn.createStatement();
    s.closeOnCompletion();
    assertTrue(s.isCloseOnCompletion());
    ResultSet rs = s.executeQuery("SELECT * FROM t");
    assertFalse(s.isClosed());
    rs.close();
    assertTrue(s.isClosed());
  }

  @Test
  void closedStatementsAndTheirResultsRefuseWork() throws SQLException {
    Statement s = conn.createStatement();
    ResultSet rs = s.executeQuery("SELECT * FROM t");
    s.close();
    assertTrue(rs.isClosed());
    assertEquals("HY010", assertThrows(SQLException.class, () -> s.executeQuery("SELECT 1")).getSQLState());
    assertThrows(SQLException.class, rs::next);
    s.close();
    Statement other = conn.createStatement();
    conn.close();
    assertTrue(other.isClosed());
  }

  @Test
  void forwardOnlyResultsStreamAndRefuseScrolling() throws SQLException {
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT id FROM t ORDER BY id")) {
      assertEquals(ResultSet.TYPE_FORWARD_ONLY, rs.getType());
      assertTrue(rs.isBeforeFirst());
      assertTrue(rs.next());
      assertTrue(rs.isFirst());
      assertEquals(1, rs.getRow());
      assertEquals(1, rs.getInt(1));
      assertThrows(SQLException.class, () -> rs.absolute(3));
      assertThrows(SQLException.class, rs::previous);
      int last = 0;
      while (rs.next()) {
        last = rs.getInt("ID");
      }
      assertEquals(5, last);
      assertTrue(rs.isAfterLast());
      assertThrows(SQLException.class, () -> rs.getInt(1));
    }
    try (Statement s = conn.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM t WHERE id > 99")) {
      assertFalse(rs.isBeforeFirst(), "an empty result has no before-first position");
      assertFalse(rs.next());
    }
  }

  @Test
  void scrollInsensitiveResults() throws SQLException {
    try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
        ResultSet rs = s.executeQuery("SELECT id, v FROM t ORDER BY id")) {
      assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
      assertTrue(rs.last());
      assertEquals(5, rs.getRow());
      assertEquals("e", rs.getString("v"));
      assertTrue(rs.absolute(2));
      assertEquals("b", rs.getString(2));
      // Insensitive: a change after the query ran is not seen.
      Db.exec(conn, "UPDATE t SET v = 'changed'");
      assertTrue(rs.first());
      assertEquals("a", rs.getString(2));
    }
  }

  @Test
  void unsupportedResultSetKindsAreDowngradedWithWarnings() throws SQLException {
    conn.clearWarnings();
    try (Statement s = conn.createStatement(ResultSet.TYPE_SCROLL_SENSITIVE, ResultSet.CONCUR_UPDATABLE)) {
      assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, s.getResultSetType());
      assertEquals(ResultSet.CONCUR_READ_ONLY, s.getResultSetConcurrency());
      SQLWarning w = conn.getWarnings();
      assertNotNull(w);
      assertNotNull(w.getNextWarning());
      try (ResultSet rs = s.executeQuery("SELECT * FROM t")) {
        assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
        rs.next();
        assertThrows(java.sql.SQLFeatureNotSupportedException.class, () -> rs.updateString(2, "x"));
      }
    }
    assertThrows(SQLException.class, () -> conn.createStatement(12345, ResultSet.CONCUR_READ_ONLY));
  }

  @Test
  void statementSettings() throws SQLException {
    try (Statement s = conn.createStatement()) {
      assertSame(conn, s.getConnection());
      s.setFetchSize(100);
      assertEquals(100, s.getFetchSize());
      s.setQueryTimeout(5);
      assertEquals(5, s.getQueryTimeout());
      assertThrows(SQLException.class, () -> s.setQueryTimeout(-1));
      s.setMaxFieldSize(2);
      try (ResultSet rs = s.executeQuery("SELECT 'abcdef' FROM t WHERE id = 1")) {
        rs.next();
        assertEquals("ab", rs.getString(1));
      }
      assertEquals(ResultSet.CLOSE_CURSORS_AT_COMMIT, s.getResultSetHoldability());
      assertInstanceOf(FerriteStatement.class, s.unwrap(FerriteStatement.class));
      s.setCursorName("c1");
      s.setEscapeProcessing(true);
      assertThrows(SQLException.class, () -> s.setFetchDirection(ResultSet.FETCH_REVERSE));
    }
  }

  @Test
  void readingWhileWritingInAutocommit() throws SQLException {
    // A common pattern: iterate one result and update rows on the same connection meanwhile.
    try (Statement read = conn.createStatement(); Statement write = conn.createStatement();
        ResultSet rs = read.executeQuery("SELECT id FROM t ORDER BY id")) {
      int n = 0;
      while (rs.next()) {
        write.executeUpdate("UPDATE t SET v = 'seen' WHERE id = " + rs.getInt(1));
        n++;
      }
      assertEquals(5, n);
    }
    assertEquals(5, Db.queryLong(conn, "SELECT COUNT(*) FROM t WHERE v = 'seen'"));
  }

  @Test
  void qualifiedNamesInThePublicSchemaWork() throws SQLException {
    assertEquals(5, Db.queryLong(conn, "SELECT COUNT(*) FROM PUBLIC.t"));
    assertEquals(5, Db.queryLong(conn, "SELECT COUNT(*) FROM \"PUBLIC\".\"T\""));
  }
}
