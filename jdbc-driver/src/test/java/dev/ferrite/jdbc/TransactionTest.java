package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Commit, rollback, savepoints, isolation, read-only and durability across reopen, on real files. */
class TransactionTest {
  @TempDir
  Path dir;

  private Connection open() throws SQLException {
    return Db.open(Db.fileUrl(dir));
  }

  private void createTable() throws SQLException {
    try (Connection c = open()) {
      Db.exec(c, "CREATE TABLE t(id INTEGER PRIMARY KEY, v VARCHAR(20))");
    }
  }

  @Test
  void autocommitIsOnAndCommitThenIsRefused() throws SQLException {
    try (Connection c = open()) {
      assertTrue(c.getAutoCommit());
      assertEquals("25000", assertThrows(SQLException.class, c::commit).getSQLState());
      assertEquals("25000", assertThrows(SQLException.class, c::rollback).getSQLState());
      assertEquals("25000", assertThrows(SQLException.class, c::setSavepoint).getSQLState());
    }
  }

  @Test
  void uncommittedWorkIsInvisibleToOthersUntilCommit() throws SQLException {
    createTable();
    try (Connection writer = open(); Connection reader = open()) {
      writer.setAutoCommit(false);
      Db.exec(writer, "INSERT INTO t VALUES (1, 'a')");
      assertEquals(1, Db.count(writer, "t"), "a transaction sees its own writes");
      assertEquals(0, Db.count(reader, "t"));
      writer.commit();
      assertEquals(1, Db.count(reader, "t"));
      Db.exec(writer, "INSERT INTO t VALUES (2, 'b')");
      writer.rollback();
      assertEquals(1, Db.count(writer, "t"));
      assertEquals(1, Db.count(reader, "t"));
    }
  }

  @Test
  void committedDataSurvivesReopenAndCloseRollsBack() throws SQLException {
    createTable();
    try (Connection c = open()) {
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO t VALUES (1, 'kept')");
      c.commit();
      Db.exec(c, "INSERT INTO t VALUES (2, 'lost')");
    }
    try (Connection c = open(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT id, v FROM t ORDER BY id")) {
      assertTrue(rs.next());
      assertEquals("kept", rs.getString(2));
      assertFalse(rs.next(), "closing the connection rolled back the second insert");
    }
  }

  @Test
  void ddlIsTransactional() throws SQLException {
    try (Connection c = open()) {
      c.setAutoCommit(false);
      Db.exec(c, "CREATE TABLE temp(x INTEGER)");
      assertTrue(c.getMetaData().getTables(null, null, "TEMP", null).next());
      c.rollback();
      assertFalse(c.getMetaData().getTables(null, null, "TEMP", null).next());
    }
  }

  @Test
  void savepoints() throws SQLException {
    createTable();
    try (Connection c = open()) {
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO t VALUES (1, 'a')");
      Savepoint unnamed = c.setSavepoint();
      assertTrue(unnamed.getSavepointId() > 0);
      assertThrows(SQLException.class, unnamed::getSavepointName);
      Db.exec(c, "INSERT INTO t VALUES (2, 'b')");
      Savepoint named = c.setSavepoint("before_three");
      assertEquals("before_three", named.getSavepointName());
      assertThrows(SQLException.class, named::getSavepointId);
      Db.exec(c, "INSERT INTO t VALUES (3, 'c')");
      c.rollback(named);
      assertEquals(2, Db.count(c, "t"));
      Db.exec(c, "INSERT INTO t VALUES (4, 'd')");
      c.rollback(unnamed);
      assertEquals(1, Db.count(c, "t"));
      Savepoint again = c.setSavepoint();
      assertTrue(again.getSavepointId() != unnamed.getSavepointId());
      Db.exec(c, "INSERT INTO t VALUES (5, 'e')");
      c.releaseSavepoint(again);
      assertThrows(SQLException.class, () -> c.rollback(again), "a released savepoint is gone");
      c.commit();
      assertEquals(2, Db.count(c, "t"));
      try (Connection other = open()) {
        other.setAutoCommit(false);
        Savepoint sp = other.setSavepoint();
        assertEquals("3B001", assertThrows(SQLException.class, () -> c.rollback(sp)).getSQLState());
      }
    }
  }

  @Test
  void isolationLevelsMapOntoTheTwoTheEngineHas() throws SQLException {
    try (Connection c = open()) {
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
      c.clearWarnings();
      c.setTransactionIsolation(Connection.TRANSACTION_READ_UNCOMMITTED);
      assertEquals(Connection.TRANSACTION_READ_COMMITTED, c.getTransactionIsolation());
      assertNotNull(c.getWarnings());
      c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
      assertEquals(Connection.TRANSACTION_SERIALIZABLE, c.getTransactionIsolation());
      assertThrows(SQLFeatureNotSupportedException.class,
          () -> c.setTransactionIsolation(Connection.TRANSACTION_NONE));
      assertTrue(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_SERIALIZABLE));
      assertTrue(c.getMetaData().supportsTransactionIsolationLevel(Connection.TRANSACTION_READ_COMMITTED));
    }
  }

  @Test
  void serializableKeepsOneSnapshotReadCommittedSeesNewCommits() throws SQLException {
    createTable();
    try (Connection reader = open(); Connection writer = open()) {
      reader.setAutoCommit(false);
      reader.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
      assertEquals(0, Db.count(reader, "t"));
      Db.exec(writer, "INSERT INTO t VALUES (1, 'a')");
      assertEquals(0, Db.count(reader, "t"), "SERIALIZABLE reads its first snapshot");
      reader.commit();
      // A new transaction starts with the next statement; the level may change until then.
      reader.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      assertEquals(1, Db.count(reader, "t"));
      Db.exec(writer, "INSERT INTO t VALUES (2, 'b')");
      assertEquals(2, Db.count(reader, "t"), "READ COMMITTED sees a commit made meanwhile");
      reader.commit();
    }
  }

  @Test
  void isolationCannotChangeInsideATransaction() throws SQLException {
    createTable();
    try (Connection c = open()) {
      c.setAutoCommit(false);
      Db.count(c, "t");
      SQLException e = assertThrows(SQLException.class,
          () -> c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED));
      assertEquals("25000", e.getSQLState());
      c.rollback();
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
    }
  }

  @Test
  void readOnlyConnectionRefusesWrites() throws SQLException {
    createTable();
    try (Connection c = open()) {
      c.setReadOnly(true);
      assertTrue(c.isReadOnly());
      assertEquals("25006", assertThrows(SQLException.class,
          () -> Db.exec(c, "INSERT INTO t VALUES (1, 'a')")).getSQLState());
      assertEquals(0, Db.count(c, "t"));
      c.setReadOnly(false);
      Db.exec(c, "INSERT INTO t VALUES (1, 'a')");
      assertEquals(1, Db.count(c, "t"));
    }
  }

  @Test
  void readOnlyDatabaseUrl() throws SQLException {
    createTable();
    try (Connection c = Db.open(Db.fileUrl(dir) + ";readonly=true")) {
      assertTrue(c.isReadOnly());
      assertTrue(c.getMetaData().isReadOnly());
      assertEquals(0, Db.count(c, "t"));
      SQLException e = assertThrows(SQLException.class, () -> Db.exec(c, "INSERT INTO t VALUES (1, 'a')"));
      assertEquals("25006", e.getSQLState());
      c.setReadOnly(false);
      assertTrue(c.isReadOnly(), "a read-only database keeps its connections read-only");
      assertNotNull(c.getWarnings());
    }
  }

  @Test
  void createFalseRefusesAMissingFile() {
    SQLException e = assertThrows(SQLException.class,
        () -> Db.open("jdbc:ferrite:" + dir.resolve("missing.db") + ";create=false"));
    assertTrue(e.getSQLState().startsWith("08"), e.getSQLState());
  }

  @Test
  void commitClosesForwardOnlyCursors() throws SQLException {
    createTable();
    try (Connection c = open()) {
      Db.exec(c, "INSERT INTO t VALUES (1, 'a'), (2, 'b')");
      c.setAutoCommit(false);
      Statement s = c.createStatement();
      ResultSet rs = s.executeQuery("SELECT * FROM t");
      Statement scroll = c.createStatement(ResultSet.TYPE_SCROLL_INSENSITIVE, ResultSet.CONCUR_READ_ONLY);
      ResultSet kept = scroll.executeQuery("SELECT * FROM t");
      c.commit();
      assertTrue(rs.isClosed());
      assertFalse(kept.isClosed());
      assertTrue(kept.next());
    }
  }

  @Test
  void switchingAutocommitOnCommits() throws SQLException {
    createTable();
    try (Connection c = open(); Connection other = open()) {
      c.setAutoCommit(false);
      Db.exec(c, "INSERT INTO t VALUES (1, 'a')");
      assertEquals(0, Db.count(other, "t"));
      c.setAutoCommit(true);
      assertEquals(1, Db.count(other, "t"));
    }
  }
}
