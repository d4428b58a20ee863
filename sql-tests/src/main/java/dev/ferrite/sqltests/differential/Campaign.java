package dev.ferrite.sqltests.differential;

import java.sql.SQLException;
import java.util.List;
import java.util.function.Consumer;

/**
 * A run of the three oracles over random databases: from one seed, database after database
 * (each {@value #QUERIES_PER_DATABASE} cases), until enough cases were judged. Every failing case
 * is reduced and recorded under its signature; the first of each signature is logged at once.
 */
public final class Campaign {
  /** Cases per generated database before the next one is made. */
  public static final int QUERIES_PER_DATABASE = 50;
  private static final long PROGRESS_NANOS = 10_000_000_000L;

  private final long seed;
  private final Consumer<String> log;
  /** Reduces a wrong result's query just enough for a signature. */
  private final Reducer quick = new Reducer(150, 0);
  /** Reduces the first case of each signature for its reproduction. */
  private final Reducer full = new Reducer(400, 150);

  /** A campaign whose progress and new findings go to {@code log}. */
  public Campaign(long seed, Consumer<String> log) {
    this.seed = seed;
    this.log = log;
  }

  /** Runs until {@code queries} cases were judged (timeouts and partition data errors do not count). */
  public Report run(long queries) throws SQLException {
    Report report = new Report();
    Dice seeds = new Dice(seed);
    long started = System.nanoTime();
    long lastProgress = started;
    for (long d = 0; report.queries() < queries; d++) {
      Dice dice = new Dice(seeds.nextLong());
      DatabaseSpec requested = new SchemaGenerator(dice).database();
      report.database();
      try (Env env = Env.open(requested)) {
        for (Env.Rejection r : env.rejectedByOne()) {
          Check insert = new InsertCheck(requested.table(r.row().table()), r.row());
          record(report, insert, env.spec().withRows(env.spec().rows().subList(0, r.acceptedBefore())), r.mismatch(),
              seed + "/" + d + "/load");
        }
        QueryGenerator generator = new QueryGenerator(dice, env.spec());
        for (int q = 0; q < QUERIES_PER_DATABASE && report.queries() < queries; q++) {
          Check check = generator.next();
          Mismatch m = check.run(env);
          report.checked(check.oracle(), m != null && m.skipped());
          if (m != null && !m.skipped()) {
            record(report, check, env.spec(), m, seed + "/" + d + "/" + q);
          }
        }
      }
      if (System.nanoTime() - lastProgress > PROGRESS_NANOS) {
        lastProgress = System.nanoTime();
        log.accept(String.format("%,d queries in %d s, %d databases, %d skipped, %d findings", report.queries(),
            (lastProgress - started) / 1_000_000_000L, report.databases(), report.skipped(), report.findings().size()));
      }
    }
    return report;
  }

  /**
   * Records a failing case under its signature: for an error, the oracle and the error's
   * template; for a wrong result, the oracle and the shape of the case after a quick reduction
   * of the query. Only the first case of a signature is reduced fully, for its reproduction.
   */
  private void record(Report report, Check check, DatabaseSpec spec, Mismatch m, String where) throws SQLException {
    Reducer.Reduced r = new Reducer.Reduced(check, spec, m);
    if (!m.error()) {
      r = quick.reduceQuery(r);
    }
    String signature = check.oracle() + " | " + m.kind() + (m.error() ? "" : " | " + r.check().shape());
    Finding seen = report.finding(signature);
    if (seen != null) {
      report.found(seen);
      return;
    }
    r = full.reduce(r);
    List<String> script = r.spec().script();
    String reproduction = String.join(";\n", script) + (script.isEmpty() ? "" : ";\n") + r.check().sql();
    report.found(new Finding(signature, r.mismatch().detail(), reproduction, where, 1));
    log.accept("new finding: " + report.finding(signature).describe());
  }
}
