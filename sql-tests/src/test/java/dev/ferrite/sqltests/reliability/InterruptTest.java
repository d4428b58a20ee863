package dev.ferrite.sqltests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code Thread.interrupt()} of a thread working through JDBC on a database file: in a long
 * query, in a commit, in a big autocommit write, and while waiting for the write lock. The
 * thread gets a clean SQLException (57014) or its work completes whole, and its interrupt flag
 * stays set; the connection stays usable once the flag is cleared; the file stays consistent.
 */
class InterruptTest {
  private static final long STOP_LIMIT_MS = 10_000;

  @TempDir
  Path dir;

  private Path db;

  @BeforeEach
  void createDatabase() throws SQLException {
    db = dir.resolve("interrupt.db");
    LongWork.create(db);
  }

  @Test
  void interruptStopsALongQueryAndTheConnectionStaysUsable() throws Exception {
    try (Connection c = Sql.open(db)) {
      InterruptedWorker worker = InterruptedWorker.start(self -> {
        try (Statement s = c.createStatement()) {
          LongWork.runEndlessQuery(s);
          return "the endless query completed";
        } catch (SQLException e) {
          boolean flagKept = Thread.interrupted();
          // The same connection, flag cleared: reads and writes work.
          Sql.exec(c, "INSERT INTO n VALUES (-5)", "DELETE FROM n WHERE x = -5");
          return e.getSQLState() + (flagKept ? "" : " (interrupt flag lost)");
        }
      });
      worker.interruptAfter(TimeUnit.MILLISECONDS.toNanos(300));
      assertEquals("57014", worker.outcome(STOP_LIMIT_MS));
    }
    LongWork.assertUsableAndHealthy(db);
  }

  /**
   * Interrupts commits of 20,000-row transactions at random points until several interrupts
   * landed while {@code commit()} was running. Each commit either returns (all rows durable, the
   * interrupt flag still set) or throws (no row).
   */
  @Test
  void interruptDuringCommitCommitsAllOrNothing() throws Exception {
    Random random = new Random();
    long commitNanos = TimeUnit.MILLISECONDS.toNanos(20);
    int midCommit = 0;
    int failed = 0;
    int round = 0;
    // This connection keeps the database open between rounds (the last close closes the file).
    try (Connection check = Sql.open(db)) {
      for (; round < 60 && midCommit < 8; round++) {
        CommitRound r = interruptOneCommit(round, (long) (random.nextDouble() * 1.2 * commitNanos));
        commitNanos = Math.max(r.end - r.start, TimeUnit.MILLISECONDS.toNanos(1));
        midCommit += r.start <= r.interruptedAt && r.interruptedAt <= r.end ? 1 : 0;
        long rows = LongWork.batchRows(check, round);
        if (r.outcome instanceof SQLException e) {
          failed++;
          assertEquals(0, rows, "round " + round + ": commit failed (" + e + ") but its rows are there");
        } else {
          assertEquals(LongWork.BATCH_ROWS, rows, "round " + round + ": commit returned " + r.outcome);
          assertEquals(Boolean.TRUE, r.outcome, "round " + round + ": the commit swallowed the interrupt");
        }
      }
    }
    assertTrue(midCommit >= 8, "only " + midCommit + " of " + round + " interrupts landed during a commit");
    System.out.printf("interrupted commits: %d rounds, %d interrupts during commit(), %d commits failed%n",
        round, midCommit, failed);
    LongWork.assertUsableAndHealthy(db);
  }

  /** When a commit ran and was interrupted; outcome: the interrupt flag after it returned, or its exception. */
  private record CommitRound(long start, long end, long interruptedAt, Object outcome) {
  }

  private CommitRound interruptOneCommit(int round, long delayNanos) throws Exception {
    try (Connection c = Sql.open(db)) {
      c.setAutoCommit(false);
      Sql.exec(c, LongWork.insertBatch(round));
      long[] times = new long[2];
      InterruptedWorker worker = InterruptedWorker.start(self -> {
        times[0] = System.nanoTime();
        try {
          c.commit();
        } finally {
          times[1] = System.nanoTime();
        }
        self.awaitInterruptSent();
        return Thread.interrupted();
      });
      long interruptedAt = worker.interruptAfter(delayNanos);
      Object result = worker.outcome(STOP_LIMIT_MS);
      return new CommitRound(times[0], times[1], interruptedAt, result);
    }
  }

  @Test
  void interruptDuringABigAutocommitWriteWritesAllOrNothing() throws Exception {
    try (Connection c = Sql.open(db)) {
      long inputMillis = LongWork.inputMillis(c);
      InterruptedWorker worker = InterruptedWorker.start(self -> {
        try (Statement s = c.createStatement()) {
          return s.executeUpdate(LongWork.wideInsert());
        } finally {
          Thread.interrupted();   // the flag of an interrupt that came too late must not leak
        }
      });
      // Somewhere in the writing: after the input was read (timed above), before the end.
      worker.interruptAfter(TimeUnit.MILLISECONDS.toNanos(
          2 * inputMillis + new Random().nextInt((int) LongWork.WRITING_BY_MILLIS)));
      Object result = worker.outcome(120_000);
      long rows = LongWork.batchRows(c, 0);
      if (result instanceof SQLException e) {
        assertEquals("57014", e.getSQLState(), e.toString());
        assertEquals(0, rows, "an interrupted autocommit statement left rows behind");
      } else {
        assertEquals(LongWork.WIDE_ROWS, rows, "outcome " + result);
      }
      System.out.println("interrupted autocommit write: " + (rows == 0 ? "stopped, no rows" : "completed"));
    }
    LongWork.assertUsableAndHealthy(db);
  }

  @Test
  void interruptWhileWaitingForTheWriteLock() throws Exception {
    try (Connection holder = Sql.open(db); Connection waiter = Sql.open(db, "busy_timeout=60000")) {
      holder.setAutoCommit(false);
      Sql.exec(holder, "UPDATE n SET x = x WHERE x = 0");
      InterruptedWorker worker = InterruptedWorker.start(self -> {
        try {
          Sql.exec(waiter, "INSERT INTO n VALUES (-7)");
          return "the write did not wait for the lock";
        } catch (SQLException e) {
          return e.getSQLState();
        }
      });
      worker.interruptAfter(TimeUnit.MILLISECONDS.toNanos(300));
      assertEquals("57014", worker.outcome(STOP_LIMIT_MS),
          "the waiting writer must stop when interrupted, not after the 60 s busy timeout");
      holder.commit();
      Sql.exec(waiter, "INSERT INTO n VALUES (-7)");
      assertEquals(1, Sql.queryLong(holder, "SELECT COUNT(*) FROM n WHERE x = -7"));
      Sql.exec(waiter, "DELETE FROM n WHERE x = -7");
    }
    LongWork.assertUsableAndHealthy(db);
  }
}
