package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Stopping a long query: a three-way cross join of 2000 rows (8e9 combinations) runs far longer
 * than any test, so only a timeout, a cancel or a close can end it.
 */
class CancelTimeoutTest {
  private static final String LONG_QUERY = "SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x >= 0";
  private static final Duration LIMIT = Duration.ofSeconds(60);
  private Connection conn;
  private ExecutorService pool;

  @BeforeEach
  void open() throws SQLException {
    conn = Db.open(Db.memUrl());
    Db.exec(conn, "CREATE TABLE n(x INTEGER)");
    conn.setAutoCommit(false);
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO n VALUES (?)")) {
      for (int i = 0; i < 2000; i++) {
        ps.setInt(1, i);
        ps.addBatch();
      }
      ps.executeBatch();
    }
    conn.commit();
    conn.setAutoCommit(true);
    pool = Executors.newSingleThreadExecutor();
  }

  @AfterEach
  void close() throws SQLException {
    pool.shutdownNow();
    conn.close();
  }

  /** Runs the long query to completion of its first row, whichever call ends up failing. */
  private static void runLongQuery(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery(LONG_QUERY)) {
      rs.next();
    }
  }

  @Test
  void queryTimeoutRaisesSqlTimeoutException() {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (Statement s = conn.createStatement()) {
        s.setQueryTimeout(1);
        long start = System.nanoTime();
        SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> runLongQuery(s));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertEquals("57014", e.getSQLState());
        assertTrue(millis >= 900, "stopped after " + millis + " ms, before the timeout");
        assertTrue(millis < 15_000, "stopped only after " + millis + " ms");
      }
      assertEquals(2000, Db.count(conn, "n"), "the connection works after a timeout");
    });
  }

  @Test
  void cancelFromAnotherThread() {
    assertTimeoutPreemptively(LIMIT, () -> {
      try (Statement s = conn.createStatement()) {
        CountDownLatch started = new CountDownLatch(1);
        pool.submit(() -> {
          started.await();
          Thread.sleep(500);
          s.cancel();
          return null;
        });
        started.countDown();
        SQLException e = assertThrows(SQLException.class, () -> runLongQuery(s));
        assertEquals("57014", e.getSQLState());
        assertFalse(e instanceof SQLTimeoutException, "a cancel is not a timeout");
      }
      assertEquals(2000, Db.count(conn, "n"));
    });
  }

  @Test
  void cancelOfAnIdleStatementDoesNothing() throws SQLException {
    try (Statement s = conn.createStatement()) {
      s.cancel();
      assertEquals(2000, Db.count(conn, "n"));
      try (ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM n")) {
        assertTrue(rs.next());
        assertEquals(2000, rs.getInt(1));
      }
    }
  }

  @Test
  void closingTheConnectionFromAnotherThreadStopsTheQuery() {
    assertTimeoutPreemptively(LIMIT, () -> {
      Statement s = conn.createStatement();
      pool.submit(() -> {
        Thread.sleep(500);
        conn.close();
        return null;
      });
      assertThrows(SQLException.class, () -> runLongQuery(s));
      pool.shutdown();
      assertTrue(pool.awaitTermination(30, TimeUnit.SECONDS));
      assertTrue(conn.isClosed());
      assertFalse(conn.isValid(0));
      assertEquals("08003", assertThrows(SQLException.class, conn::createStatement).getSQLState());
    });
  }

  @Test
  void abortReleasesOnTheExecutor() {
    assertTimeoutPreemptively(LIMIT, () -> {
      Statement s = conn.createStatement();
      ExecutorService releaser = Executors.newSingleThreadExecutor();
      try {
        pool.submit(() -> {
          Thread.sleep(500);
          conn.abort(releaser);
          return null;
        });
        SQLException e = assertThrows(SQLException.class, () -> runLongQuery(s));
        assertInstanceOf(SQLException.class, e);
        assertTrue(conn.isClosed());
      } finally {
        releaser.shutdown();
        assertTrue(releaser.awaitTermination(30, TimeUnit.SECONDS));
      }
    });
  }
}
