package dev.ferrite.sqltests.differential;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A run of the three oracles over random databases from one seed, until enough cases were
 * judged. Databases run on {@code threads} workers ({@link DatabaseRun}) and are merged in their
 * order, so a seed gives the same report whatever the number of threads. Every failure is
 * recorded under its signature; the first of each signature is reduced fully and logged at once.
 */
public final class Campaign {
  private static final long PROGRESS_NANOS = 10_000_000_000L;

  private final long seed;
  private final int threads;
  private final Set<String> known;
  private final Consumer<String> log;
  /** Reduces the first case of each signature for its reproduction. */
  private final Reducer full = new Reducer(400, 150);
  private volatile boolean enough;

  /**
   * A campaign whose progress and new findings go to {@code log}. Findings whose signature is
   * {@code known} are counted but not reduced further (their reproduction is on record).
   */
  public Campaign(long seed, int threads, Set<String> known, Consumer<String> log) {
    this.seed = seed;
    this.threads = threads;
    this.known = known;
    this.log = log;
  }

  /** Runs until {@code queries} cases were judged (skipped ones do not count). */
  public Report run(long queries) throws SQLException {
    Report report = new Report();
    Dice seeds = new Dice(seed);
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "differential");
      t.setDaemon(true);
      return t;
    });
    // Two databases per worker in flight keep every thread busy while the oldest is merged.
    Deque<Future<DatabaseRun>> inFlight = new ArrayDeque<>();
    long started = System.nanoTime();
    long lastProgress = started;
    try {
      for (long next = 0; report.queries() < queries; ) {
        while (inFlight.size() < 2 * threads) {
          long index = next++;
          long databaseSeed = seeds.nextLong();
          inFlight.add(pool.submit(() -> DatabaseRun.run(seed, index, databaseSeed, () -> enough)));
        }
        merge(report, take(inFlight.poll()), queries);
        if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
          lastProgress = System.nanoTime();
          log.accept(String.format("%,d queries in %d s, %d databases, %d skipped, %d findings", report.queries(),
              (lastProgress - started) / 1_000_000_000L, report.databases(), report.skipped(), report.findings().size()));
        }
      }
    } finally {
      enough = true;
      pool.shutdownNow();
    }
    return report;
  }

  private static DatabaseRun take(Future<DatabaseRun> f) throws SQLException {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SQLException("interrupted", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof SQLException s) {
        throw s;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  /** Adds a database's cases in order, up to {@code queries} judged cases in all. */
  private void merge(Report report, DatabaseRun run, long queries) throws SQLException {
    report.database();
    for (DatabaseRun.Failure f : run.rejections()) {
      record(report, f);
    }
    for (DatabaseRun.Case c : run.cases()) {
      if (report.queries() >= queries) {
        return;
      }
      report.checked(c.oracle(), c.skipped());
      if (c.failure() != null) {
        record(report, c.failure());
      }
    }
  }

  /**
   * Records a failure under its signature ({@link Mismatch#signature}). Only the first failure of
   * a signature that is not known is reduced fully, for its reproduction.
   */
  private void record(Report report, DatabaseRun.Failure f) throws SQLException {
    Reducer.Reduced r = f.reduced();
    Finding seen = report.finding(f.signature());
    if (seen != null) {
      report.found(seen);
      return;
    }
    if (known.contains(f.signature())) {
      report.found(new Finding(f.signature(), r.mismatch().detail(), r.check().sql(), f.where(), 1));
      return;
    }
    r = full.reduce(r);
    List<String> script = r.spec().script();
    String reproduction = String.join(";\n", script) + (script.isEmpty() ? "" : ";\n") + r.check().sql();
    report.found(new Finding(f.signature(), r.mismatch().detail(), reproduction, f.where(), 1));
    log.accept("new finding: " + report.finding(f.signature()).describe());
  }
}
