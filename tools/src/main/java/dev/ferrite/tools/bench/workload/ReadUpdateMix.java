package dev.ferrite.tools.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;

/**
 * W6: two threads, each on its own connection in autocommit mode, for a fixed time; each
 * operation is a point read by random PK (80 %) or a single-row {@code UPDATE t SET val = val + 1}
 * (20 %), which in autocommit is its own transaction and, on a durable engine, durable when it
 * returns. An update that fails with a retryable error ({@link Retry}) is run again and counted
 * as a retry; the figure counts completed operations. Afterwards SUM(val) must have grown by
 * exactly the number of successful updates: lost or doubled updates fail the check.
 */
final class ReadUpdateMix extends NamedWorkload {
  static final int THREADS = 2;
  private static final int UPDATE_PERCENT = 20;

  ReadUpdateMix() {
    super("W6", "2 threads, 80% reads / 20% durable updates", Unit.OPS_PER_S);
  }

  /** What the worker threads count, shared between them. */
  private static final class Counters {
    final AtomicLong ops = new AtomicLong();
    final AtomicLong updates = new AtomicLong();
    final AtomicLong retries = new AtomicLong();
    /** When the last operation finished (System.nanoTime). */
    final AtomicLong lastEnd = new AtomicLong();
    /** When the phase ends; set once every worker is connected. */
    final AtomicLong deadline = new AtomicLong();
    // Connecting and preparing happen before the clock starts: opening a connection is not an
    // operation of the mix (H2 took longer than a short phase to open one on a busy machine).
    final CountDownLatch ready = new CountDownLatch(THREADS);
    final CountDownLatch go = new CountDownLatch(1);
  }

  @Override
  public Measurement run(OpenEngine db, BenchConfig config, Random random) throws Exception {
    double sumBefore = sumVal(db.connection());
    long[] syncsBefore = db.engine().syncsAndCommits(db.connection());
    Counters counters = new Counters();
    List<Throwable> failures = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < THREADS; i++) {
      long seed = random.nextLong();
      Thread t = new Thread(() -> {
        try {
          worker(db.engine(), config.rows(), new Random(seed), counters);
        } catch (Throwable e) {
          synchronized (failures) {
            failures.add(e);
          }
        }
      }, "W6-" + db.engine().name() + "-" + i);
      threads.add(t);
      t.start();
    }
    counters.ready.await();
    long start = System.nanoTime();
    counters.deadline.set(start + config.phaseNanos());
    counters.go.countDown();
    for (Thread t : threads) {
      t.join();
    }
    double seconds = (Math.max(counters.lastEnd.get(), counters.deadline.get()) - start) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException(db.engine() + " W6 failed", failures.get(0));
    }
    long updates = counters.updates.get();
    long[] syncsAfter = db.engine().syncsAndCommits(db.connection());
    double grown = sumVal(db.connection()) - sumBefore;
    String check = grown == updates ? "SUM(val) grew by " + updates + " = updates"
        : "FAILED: SUM(val) grew by " + grown + ", updates acknowledged " + updates;
    long syncs = syncsAfter == null ? -1 : syncsAfter[0] - syncsBefore[0];
    long commits = syncsAfter == null ? -1 : syncsAfter[1] - syncsBefore[1];
    long ops = counters.ops.get();
    return new Measurement(ops / seconds, ops, updates, counters.retries.get(), syncs, commits, check);
  }

  private static void worker(Engine engine, int rows, Random random, Counters counters)
      throws SQLException, InterruptedException {
    boolean counted = false;
    try (Connection c = engine.connect();
        PreparedStatement read = c.prepareStatement("SELECT name FROM t WHERE id = ?");
        PreparedStatement update = c.prepareStatement("UPDATE t SET val = val + 1 WHERE id = ?")) {
      counters.ready.countDown();
      counted = true;
      counters.go.await();
      long deadline = counters.deadline.get();
      long now;
      do {
        long id = random.nextInt(rows);
        if (random.nextInt(100) < UPDATE_PERCENT) {
          update.setLong(1, id);
          while (!tryUpdate(update, id)) {
            counters.retries.incrementAndGet();
          }
          counters.updates.incrementAndGet();
        } else {
          read.setLong(1, id);
          try (ResultSet rs = read.executeQuery()) {
            if (!rs.next()) {
              throw new IllegalStateException(engine + ": row " + id + " of t is missing");
            }
            rs.getString(1);
          }
        }
        counters.ops.incrementAndGet();
        now = System.nanoTime();
      } while (now < deadline);
      long end = now;
      counters.lastEnd.accumulateAndGet(end, Math::max);
    } finally {
      if (!counted) {
        counters.ready.countDown(); // a worker that failed to connect must not hang the phase
        counters.go.countDown();
      }
    }
  }

  /** One attempt: true when the row was updated, false on a retryable error. */
  private static boolean tryUpdate(PreparedStatement update, long id) throws SQLException {
    try {
      int n = update.executeUpdate();
      if (n != 1) {
        throw new IllegalStateException("UPDATE of row " + id + " changed " + n + " rows");
      }
      return true;
    } catch (SQLException e) {
      if (Retry.retryable(e)) {
        return false;
      }
      throw e;
    }
  }

  /** SUM(val) over t. */
  static double sumVal(Connection c) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SUM(val) FROM t")) {
      rs.next();
      return rs.getDouble(1);
    }
  }
}
