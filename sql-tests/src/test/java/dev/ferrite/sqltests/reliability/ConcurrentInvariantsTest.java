package dev.ferrite.sqltests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many readers and two writers on one database file through JDBC for a bounded time
 * ({@code -Dferrite.concurrency.seconds}, 10 by default). Writers keep two invariants: the sum
 * of the balances is constant, and a counter row equals the number of event rows; a third
 * counter counts their commits. Every writer transaction reads before it writes, so one that
 * lost a race gets SQLSTATE 40001 and is retried, as documented. Each reader transaction
 * (autocommit off: one snapshot) checks the invariants across several statements; one reader in
 * READ COMMITTED checks single statements.
 */
class ConcurrentInvariantsTest {
  private static final int ACCOUNTS = 50;
  private static final long TOTAL = ACCOUNTS * 1000L;
  private static final int WRITERS = 2;
  private static final int SNAPSHOT_READERS = 5;
  private static final long SECONDS = Long.getLong("ferrite.concurrency.seconds", 10);

  @TempDir
  Path dir;

  private Path db;
  private long deadline;
  private final LongAdder readerTransactions = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final Queue<String> violations = new ConcurrentLinkedQueue<>();

  /** Writers change balances relatively ({@code balance = balance - ?}). */
  @Test
  void readersSeeInvariantsWhileWritersCommit() throws Exception {
    run(false);
  }

  /**
   * Writers compute new balances from values they read earlier in the transaction, so the sum
   * holds only if every transaction that read a stale value is refused with 40001.
   */
  @Test
  void readModifyWriteTransactionsLoseNoUpdate() throws Exception {
    run(true);
  }

  private void run(boolean readModifyWrite) throws Exception {
    db = dir.resolve("concurrent.db");
    try (Connection c = Sql.open(db)) {
      createSchema(c);
    }
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS + SNAPSHOT_READERS + 1);
    deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(SECONDS);
    List<Future<Long>> writers = new ArrayList<>();
    List<Future<?>> readers = new ArrayList<>();
    try {
      for (int w = 0; w < WRITERS; w++) {
        int writer = w;
        writers.add(pool.submit(() -> write(writer, readModifyWrite)));
      }
      for (int r = 0; r < SNAPSHOT_READERS; r++) {
        readers.add(pool.submit(() -> {
          readSnapshots();
          return null;
        }));
      }
      readers.add(pool.submit(() -> {
        readCommittedStatements();
        return null;
      }));
      long commits = 0;
      for (Future<Long> f : writers) {
        commits += f.get(SECONDS + 120, TimeUnit.SECONDS);
      }
      for (Future<?> f : readers) {
        f.get(SECONDS + 120, TimeUnit.SECONDS);
      }
      assertTrue(violations.isEmpty(), violations.size() + " violations, first: " + violations.peek());
      try (Connection c = Sql.open(db)) {
        assertEquals(TOTAL, Sql.queryLong(c, "SELECT SUM(balance) FROM accounts"));
        assertEquals(Sql.queryLong(c, "SELECT COUNT(*) FROM events"),
            Sql.queryLong(c, "SELECT n FROM counters WHERE name = 'events'"));
        assertEquals(commits, Sql.queryLong(c, "SELECT n FROM counters WHERE name = 'commits'"),
            "every acknowledged writer commit counted exactly once");
      }
      StoreCheck.verifyHealthy(db);
      System.out.printf("concurrency%s: %d reader transactions, %d writer transactions committed,"
          + " %d retried after 40001, %d s%n", readModifyWrite ? " (read-modify-write)" : "",
          readerTransactions.sum(), commits, retries.sum(), SECONDS);
    } finally {
      pool.shutdownNow();
    }
  }

  private static void createSchema(Connection c) throws SQLException {
    Sql.exec(c, "CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance BIGINT NOT NULL)",
        "CREATE TABLE events(id BIGINT PRIMARY KEY, writer INTEGER NOT NULL, note VARCHAR(200))",
        "CREATE INDEX events_writer ON events(writer)",
        "CREATE TABLE counters(name VARCHAR(20) PRIMARY KEY, n BIGINT NOT NULL)",
        "INSERT INTO counters VALUES ('events', 0), ('commits', 0)");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO accounts VALUES (?, ?)")) {
      for (int id = 0; id < ACCOUNTS; id++) {
        ps.setInt(1, id);
        ps.setLong(2, TOTAL / ACCOUNTS);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private boolean running() {
    return System.nanoTime() - deadline < 0;
  }

  /**
   * One writer: random transactions until the deadline; returns how many committed. Each begins
   * by reading the commit counter, which must show at least this writer's own earlier commits.
   */
  private long write(int writer, boolean readModifyWrite) throws SQLException {
    Random random = new Random(writer);
    long commits = 0;
    long nextEvent = 0;
    try (Connection c = Sql.open(db)) {
      c.setAutoCommit(false);
      while (running()) {
        int kind = random.nextInt(10);
        int from = random.nextInt(ACCOUNTS);
        int to = (from + 1 + random.nextInt(ACCOUNTS - 1)) % ACCOUNTS;
        long amount = 1 + random.nextInt(100);
        long event = (long) writer << 40 | nextEvent;
        while (true) {
          try {
            long seen = Sql.queryLong(c, "SELECT n FROM counters WHERE name = 'commits'");
            check(seen >= commits, "writer " + writer + " committed " + commits + " times but sees " + seen);
            if (kind < 4) {
              transfer(c, from, to, amount, readModifyWrite);
            } else if (kind < 7) {
              Sql.update(c, "INSERT INTO events VALUES (?, ?, 'event')", event, writer);
              Sql.update(c, "UPDATE counters SET n = n + 1 WHERE name = 'events'");
              nextEvent++;
            } else {
              int deleted = Sql.update(c, "DELETE FROM events WHERE id = (SELECT MIN(id) FROM events WHERE writer = ?)", writer);
              Sql.update(c, "UPDATE counters SET n = n - ? WHERE name = 'events'", deleted);
            }
            Sql.update(c, "UPDATE counters SET n = n + 1 WHERE name = 'commits'");
            c.commit();
            commits++;
            break;
          } catch (SQLException e) {
            c.rollback();
            if (!"40001".equals(e.getSQLState())) {
              throw e;
            }
            retries.increment();
          }
        }
      }
    }
    return commits;
  }

  private static void transfer(Connection c, int from, int to, long amount, boolean readModifyWrite)
      throws SQLException {
    if (readModifyWrite) {
      long fromBalance = Sql.queryLong(c, "SELECT balance FROM accounts WHERE id = " + from);
      long toBalance = Sql.queryLong(c, "SELECT balance FROM accounts WHERE id = " + to);
      Sql.update(c, "UPDATE accounts SET balance = ? WHERE id = ?", fromBalance - amount, from);
      Sql.update(c, "UPDATE accounts SET balance = ? WHERE id = ?", toBalance + amount, to);
    } else {
      Sql.update(c, "UPDATE accounts SET balance = balance - ? WHERE id = ?", amount, from);
      Sql.update(c, "UPDATE accounts SET balance = balance + ? WHERE id = ?", amount, to);
    }
  }

  /** Snapshot reader: every transaction checks the invariants over several statements. */
  private void readSnapshots() throws SQLException, InterruptedException {
    Random random = new Random();
    long lastCommits = 0;
    try (Connection c = Sql.open(db)) {
      c.setAutoCommit(false);
      while (running()) {
        long commitsBefore = Sql.queryLong(c, "SELECT n FROM counters WHERE name = 'commits'");
        long low = Sql.queryLong(c, "SELECT SUM(balance) FROM accounts WHERE id < " + ACCOUNTS / 2);
        // Give writers time to commit in the middle of this transaction.
        Thread.sleep(random.nextInt(3));
        long high = Sql.queryLong(c, "SELECT SUM(balance) FROM accounts WHERE id >= " + ACCOUNTS / 2);
        long events = Sql.queryLong(c, "SELECT COUNT(*) FROM events");
        long counted = Sql.queryLong(c, "SELECT n FROM counters WHERE name = 'events'");
        long byWriter = 0;
        for (int w = 0; w < WRITERS; w++) {
          byWriter += Sql.queryLong(c, "SELECT COUNT(*) FROM events WHERE writer = " + w);
        }
        long commitsAfter = Sql.queryLong(c, "SELECT n FROM counters WHERE name = 'commits'");
        c.commit();
        check(low + high == TOTAL, "balances sum to " + (low + high));
        check(events == counted && byWriter == events,
            events + " events, counter " + counted + ", by writer (index) " + byWriter);
        check(commitsBefore == commitsAfter, "the snapshot moved: " + commitsBefore + " then " + commitsAfter);
        check(commitsBefore >= lastCommits, "time went back: " + lastCommits + " then " + commitsBefore);
        lastCommits = commitsBefore;
        readerTransactions.increment();
      }
    }
  }

  /** READ COMMITTED reader: each statement alone sees one committed state. */
  private void readCommittedStatements() throws SQLException {
    try (Connection c = Sql.open(db)) {
      c.setAutoCommit(false);
      c.setTransactionIsolation(Connection.TRANSACTION_READ_COMMITTED);
      while (running()) {
        try (var s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(balance),"
            + " (SELECT COUNT(*) FROM events), (SELECT n FROM counters WHERE name = 'events') FROM accounts")) {
          rs.next();
          check(rs.getLong(1) == TOTAL && rs.getLong(2) == rs.getLong(3),
              "one statement saw sum " + rs.getLong(1) + ", " + rs.getLong(2) + " events, counter " + rs.getLong(3));
        }
        c.commit();
        readerTransactions.increment();
      }
    }
  }

  private void check(boolean ok, String violation) {
    if (!ok) {
      violations.add(violation);
    }
  }
}
