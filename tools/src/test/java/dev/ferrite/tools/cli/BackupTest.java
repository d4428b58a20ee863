package dev.ferrite.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferrite backup}: one snapshot, while a writer goes on; the schema rebuilt faithfully. */
class BackupTest {
  private static final int PRELOAD = 30_000;
  private static final int PER_COMMIT = 7;

  @TempDir
  Path dir;

  private static long single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void preload(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE events (id INTEGER PRIMARY KEY, batch INTEGER NOT NULL,"
          + " payload VARCHAR(100))");
      s.execute("CREATE INDEX events_batch ON events (batch)");
      s.execute("CREATE TABLE counter (id INTEGER PRIMARY KEY, n INTEGER NOT NULL)");
      s.execute("INSERT INTO counter VALUES (1, 0)");
    }
    c.setAutoCommit(false);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO events VALUES (?, 0, ?)")) {
      for (int i = 0; i < PRELOAD; i++) {
        insert.setInt(1, i);
        insert.setString(2, "preloaded event number " + i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /**
   * A writer commits 7 events and the matching counter update per transaction, as fast as it
   * can, while the backup runs. A copy of one snapshot has events = preload + counter, a whole
   * number of transactions, and its row count is one the writer committed.
   */
  @Test
  void copyIsOneCommittedStateWhileAWriterGoesOn() throws Exception {
    Path db = dir.resolve("live.db");
    Path copy = dir.resolve("copy.db");
    Set<Long> committedCounts = ConcurrentHashMap.newKeySet();
    AtomicLong commits = new AtomicLong();
    AtomicBoolean stop = new AtomicBoolean();
    CountDownLatch writing = new CountDownLatch(5);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try (Connection writer = DriverManager.getConnection("jdbc:ferrite:" + db)) {
      preload(writer);
      committedCounts.add((long) PRELOAD);
      Future<?> writes = pool.submit(() -> {
        writer.setAutoCommit(false);
        try (PreparedStatement insert = writer.prepareStatement(
                 "INSERT INTO events VALUES (?, ?, 'written during the backup')");
             PreparedStatement bump = writer.prepareStatement(
                 "UPDATE counter SET n = n + " + PER_COMMIT + " WHERE id = 1")) {
          int next = PRELOAD;
          for (long txn = 1; !stop.get(); txn++) {
            for (int i = 0; i < PER_COMMIT; i++) {
              insert.setInt(1, next++);
              insert.setLong(2, txn);
              insert.executeUpdate();
            }
            bump.executeUpdate();
            writer.commit();
            committedCounts.add((long) next);
            commits.incrementAndGet();
            writing.countDown();
          }
        }
        return null;
      });
      assertTrue(writing.await(60, TimeUnit.SECONDS), "the writer is committing");
      long before = commits.get();
      Cli.Result r = Cli.run("backup", db.toString(), copy.toString(), "--batch", "1000");
      long during = commits.get() - before;
      stop.set(true);
      writes.get(60, TimeUnit.SECONDS);
      assertEquals(0, r.exit(), r.toString());
      assertTrue(during > 0, "the writer committed while the backup ran");
    } finally {
      pool.shutdownNow();
    }
    try (Connection c = DriverManager.getConnection("jdbc:ferrite:" + copy + ";readonly=true")) {
      long events = single(c, "SELECT COUNT(*) FROM events");
      long counter = single(c, "SELECT n FROM counter");
      assertEquals(PRELOAD + counter, events, "events and counter from the same snapshot");
      assertEquals(0, counter % PER_COMMIT, "whole transactions only");
      assertTrue(committedCounts.contains(events), events + " is a committed state");
      assertEquals(events, single(c, "SELECT COUNT(*) FROM events WHERE batch >= 0"));
    }
    Cli.Result verify = Cli.run("verify", copy.toString());
    assertEquals(0, verify.exit(), verify.toString());
  }

  @Test
  void schemaIsRebuiltAndViewsAreReportedAsNotCopied() throws Exception {
    String source = dir.resolve("schema.db").toString();
    Cli.Result setup = Cli.run("shell", source, "-c", """
        CREATE TABLE kinds (
          id INTEGER GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
          code CHAR(3) NOT NULL UNIQUE,
          amount DECIMAL(12,3) DEFAULT 0,
          ratio DOUBLE, small REAL, tiny TINYINT, mid SMALLINT, big BIGINT,
          flag BOOLEAN DEFAULT TRUE, label VARCHAR(40) DEFAULT 'n/a', body CLOB,
          bin BINARY(2), data BLOB, born DATE, wake TIME, stamp TIMESTAMP DEFAULT CURRENT_TIMESTAMP);
        CREATE TABLE pairs (a INTEGER, b VARCHAR(10), note VARCHAR(5), PRIMARY KEY (a, b));
        CREATE UNIQUE INDEX pairs_note ON pairs (note DESC, a);
        CREATE VIEW big_kinds AS SELECT code FROM kinds WHERE big > 10;
        INSERT INTO kinds (code, amount, ratio, small, tiny, mid, big, body, bin, data, born, wake,
          stamp) VALUES ('abc', 12.345, 0.5, 1.25, 7, 300, 9000000000, 'long text', X'0102',
          X'ffee', DATE '2020-01-01', TIME '10:11:12', TIMESTAMP '2020-01-01 10:11:12');
        INSERT INTO kinds (code) VALUES ('def');
        INSERT INTO pairs VALUES (1, 'x', NULL), (1, 'y', 'n');
        """);
    assertEquals(0, setup.exit(), setup.toString());
    Path copy = dir.resolve("schema-copy.db");
    Cli.Result r = Cli.run("backup", source, copy.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().contains(": 2 tables, 4 rows, 2 indexes in "), r.out());
    assertTrue(r.out().contains("not copied (the driver's metadata gives no view SQL): views "
        + "BIG_KINDS"), r.out());
    String describe = "\\d kinds\n\\d pairs\n\\di\n";
    assertEquals(Cli.run("shell", source, "-c", describe).out(),
        Cli.run("shell", copy.toString(), "-c", describe).out());
    String rows = "SELECT * FROM kinds ORDER BY id; SELECT * FROM pairs ORDER BY a, b;";
    assertEquals(Cli.run("shell", source, "-c", rows).out(),
        Cli.run("shell", copy.toString(), "-c", rows).out());
    // The identity column goes on after the highest copied value.
    Cli.Result next = Cli.run("shell", copy.toString(), "-c",
        "INSERT INTO kinds (code) VALUES ('ghi'); SELECT MAX(id) AS id FROM kinds");
    assertTrue(next.out().endsWith(" 3\n(1 row)\n"), next.out());
  }

  @Test
  void neverOverwritesAndLeavesNothingOnFailure() throws Exception {
    String source = dir.resolve("src.db").toString();
    Cli.run("shell", source, "-c", "CREATE TABLE t (a INTEGER)");
    Path existing = Files.writeString(dir.resolve("existing.db"), "precious");
    Cli.Result r = Cli.run("backup", source, existing.toString());
    assertEquals(1, r.exit());
    assertEquals("ERROR: " + existing + " already exists; backup never overwrites a file\n",
        r.err());
    assertEquals("precious", Files.readString(existing));

    Path target = dir.resolve("from-missing.db");
    Cli.Result missing = Cli.run("backup", dir.resolve("missing.db").toString(), target.toString());
    assertEquals(1, missing.exit());
    assertEquals("ERROR: no database at " + dir.resolve("missing.db") + "\n", missing.err());
    assertFalse(Files.exists(target));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains(".partial-")));
    }
  }
}
