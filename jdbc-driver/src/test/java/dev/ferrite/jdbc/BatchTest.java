package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Statement and PreparedStatement batches: counts, failures, reset. */
class BatchTest {
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = Db.open(Db.memUrl());
    Db.exec(conn, "CREATE TABLE t(id INTEGER PRIMARY KEY, v VARCHAR(20))");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void statementBatchReturnsEachCount() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.addBatch("INSERT INTO t VALUES (1, 'a')");
      s.addBatch("INSERT INTO t VALUES (2, 'b'), (3, 'c')");
      s.addBatch("UPDATE t SET v = 'z'");
      s.addBatch("DELETE FROM t WHERE id = 99");
      assertArrayEquals(new int[] {1, 2, 3, 0}, s.executeBatch());
      assertArrayEquals(new int[0], s.executeBatch(), "the batch is empty after it ran");
    }
    assertEquals(3, Db.count(conn, "t"));
  }

  @Test
  void preparedBatchInOneTransaction() throws SQLException {
    conn.setAutoCommit(false);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int i = 0; i < 500; i++) {
        ps.setInt(1, i);
        ps.setString(2, "v" + i);
        ps.addBatch();
      }
      long[] counts = ps.executeLargeBatch();
      assertEquals(500, counts.length);
      for (long c : counts) {
        assertEquals(1, c);
      }
    }
    conn.commit();
    assertEquals(500, Db.count(conn, "t"));
    assertEquals(499 * 500 / 2, Db.queryLong(conn, "SELECT SUM(id) FROM t"));
  }

  @Test
  void failureReportsTheCountsBeforeIt() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      int[] ids = {1, 2, 1, 3};
      for (int id : ids) {
        ps.setInt(1, id);
        ps.setString(2, "x");
        ps.addBatch();
      }
      BatchUpdateException e = assertThrows(BatchUpdateException.class, ps::executeBatch);
      assertArrayEquals(new int[] {1, 1}, e.getUpdateCounts());
      assertEquals("23505", e.getSQLState());
      assertEquals("23505", e.getNextException().getSQLState());
      // Autocommit: the two inserts before the failure stay.
      assertEquals(2, Db.count(conn, "t"));
      assertArrayEquals(new int[0], ps.executeBatch(), "the batch was reset");
    }
  }

  @Test
  void queriesAreNotBatched() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.addBatch("INSERT INTO t VALUES (1, 'a')");
      s.addBatch("SELECT * FROM t");
      BatchUpdateException e = assertThrows(BatchUpdateException.class, s::executeBatch);
      assertArrayEquals(new int[] {1}, e.getUpdateCounts());
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM t")) {
      assertThrows(SQLException.class, ps::addBatch);
    }
  }

  @Test
  void clearBatchDiscards() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO t VALUES (?, 'x')")) {
      ps.setInt(1, 1);
      ps.addBatch();
      ps.clearBatch();
      assertArrayEquals(new int[0], ps.executeBatch());
    }
    assertEquals(0, Db.count(conn, "t"));
  }
}
