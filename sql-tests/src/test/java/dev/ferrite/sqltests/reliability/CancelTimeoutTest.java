package dev.ferrite.sqltests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Statement.cancel()} and {@code setQueryTimeout} on a database file, for a long query
 * and in the middle of a big write: the statement ends with 57014, a write is undone as a whole
 * (in a transaction: that statement only), the write lock is released, and the connection and
 * the file stay usable.
 */
class CancelTimeoutTest {
  @TempDir
  Path dir;

  private Path db;
  private final ScheduledExecutorService canceller = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void createDatabase() throws SQLException {
    db = dir.resolve("cancel.db");
    LongWork.create(db);
  }

  @AfterEach
  void stopCanceller() {
    canceller.shutdownNow();
  }

  @Test
  void queryTimeoutStopsALongQuery() throws SQLException {
    try (Connection c = Sql.open(db); Statement s = c.createStatement()) {
      s.setQueryTimeout(1);
      long start = System.nanoTime();
      SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> LongWork.runEndlessQuery(s));
      long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertEquals("57014", e.getSQLState());
      assertTrue(millis >= 900 && millis < 15_000, "stopped after " + millis + " ms");
      assertEquals(LongWork.NUMBERS, Sql.queryLong(c, "SELECT COUNT(*) FROM n"));
    }
    LongWork.assertUsableAndHealthy(db);
  }

  @Test
  void cancelStopsALongQuery() throws SQLException {
    try (Connection c = Sql.open(db); Statement s = c.createStatement()) {
      cancelLater(s, 500);
      SQLException e = assertThrows(SQLException.class, () -> LongWork.runEndlessQuery(s));
      assertEquals("57014", e.getSQLState());
      assertFalse(e instanceof SQLTimeoutException, "a cancel is not a timeout");
      assertEquals(LongWork.NUMBERS, Sql.queryLong(c, "SELECT COUNT(*) FROM n"));
    }
    LongWork.assertUsableAndHealthy(db);
  }

  /**
   * In a transaction, an INSERT cancelled while it writes is undone alone: the row inserted
   * before it stays, and commits.
   */
  @Test
  void cancelledWriteInATransactionUndoesOnlyThatStatement() throws SQLException {
    try (Connection c = Sql.open(db)) {
      assertReadsQuickly(c);
      c.setAutoCommit(false);
      Sql.exec(c, "INSERT INTO big VALUES (-1, 'before')");
      try (Statement s = c.createStatement()) {
        cancelLater(s, LongWork.WRITING_BY_MILLIS);
        SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(LongWork.wideInsert()));
        assertEquals("57014", e.getSQLState());
      }
      assertEquals(0, LongWork.batchRows(c, 0), "rows of the cancelled statement are visible");
      assertEquals(1, Sql.queryLong(c, "SELECT COUNT(*) FROM big WHERE id = -1"));
      c.commit();
    }
    try (Connection c = Sql.open(db)) {
      assertEquals(1, Sql.queryLong(c, "SELECT COUNT(*) FROM big"), "exactly the row before the cancel");
    }
    LongWork.assertUsableAndHealthy(db);
  }

  /** An autocommit write that times out while writing leaves no row and no write lock behind. */
  @Test
  void timedOutAutocommitWriteReleasesTheWriteLock() throws SQLException {
    try (Connection c = Sql.open(db); Connection other = Sql.open(db, "busy_timeout=2000");
        Statement s = c.createStatement()) {
      assertReadsQuickly(c);
      s.setQueryTimeout((int) (LongWork.WRITING_BY_MILLIS / 1000));
      SQLTimeoutException e = assertThrows(SQLTimeoutException.class, () -> s.executeUpdate(LongWork.wideInsert()));
      assertEquals("57014", e.getSQLState());
      Sql.exec(other, "INSERT INTO big VALUES (-2, 'after')");
      assertEquals(1, Sql.queryLong(c, "SELECT COUNT(*) FROM big"), "only the row written after the timeout");
    }
    LongWork.assertUsableAndHealthy(db);
  }

  /** Fails unless a stop at {@link LongWork#WRITING_BY_MILLIS} comes after the input was read. */
  private static void assertReadsQuickly(Connection c) throws SQLException {
    long millis = LongWork.inputMillis(c);
    assertTrue(millis < LongWork.WRITING_BY_MILLIS / 2, "reading the input took " + millis
        + " ms: the stop could come before the statement writes");
  }

  private void cancelLater(Statement s, long millis) {
    canceller.schedule(() -> {
      s.cancel();
      return null;
    }, millis, TimeUnit.MILLISECONDS);
  }
}
