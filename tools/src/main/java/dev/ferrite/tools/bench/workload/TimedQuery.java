package dev.ferrite.tools.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Random;

/**
 * W4 and W5: an analytic query executed repeatedly through one PreparedStatement for at least
 * {@link BenchConfig#querySeconds} (and at least twice); the figure is the mean time of one
 * execution with every result row read. Parameters change on every execution because H2 reuses
 * the result of a statement re-run with the same parameters on unchanged data, which would time
 * nothing. Each result is checked: the sum of its COUNT(*) column (always the second) must be what the
 * data implies (W5: what a COUNT(*) of t alone with the same filter says, counted untimed first).
 */
final class TimedQuery extends NamedWorkload {
  /** Binds the parameters of execution number {@code n}. */
  interface Binder {
    void bind(PreparedStatement p, long n, Random random, int rows) throws SQLException;
  }

  /** The COUNT(*) total every execution must return, given the connection and the row count. */
  interface Expected {
    long count(Connection c, int rows) throws SQLException;
  }

  private final String sql;
  private final Binder binder;
  private final Expected expectedCount;

  private TimedQuery(String id, String title, String sql, Binder binder, Expected expectedCount) {
    super(id, title, Unit.MS);
    this.sql = sql;
    this.binder = binder;
    this.expectedCount = expectedCount;
  }

  /** W4a: COUNT and SUM over a random 10 % range of the primary key. */
  static TimedQuery rangeAggregate() {
    return new TimedQuery("W4a", "COUNT/SUM over a 10% PK range",
        "SELECT SUM(val), COUNT(*) FROM t WHERE id BETWEEN ? AND ?", (p, n, random, rows) -> {
          int span = rows / 10;
          long first = random.nextInt(rows - span + 1);
          p.setLong(1, first);
          p.setLong(2, first + span - 1);
        }, (c, rows) -> rows / 10);
  }

  /** W4b: GROUP BY over every row (10,000 groups); the predicate is true for all rows. */
  static TimedQuery fullGroupBy() {
    return new TimedQuery("W4b", "full GROUP BY (10,000 groups)",
        "SELECT grp, COUNT(*), SUM(val) FROM t WHERE val > ? GROUP BY grp",
        (p, n, random, rows) -> p.setDouble(1, (n & 1) == 0 ? -1 : -2), (c, rows) -> rows);
  }

  /** W5: t joined with the 10,000-row dim, half of t filtered out, grouped by dim's 100 labels. */
  static TimedQuery joinGroupBy() {
    return new TimedQuery("W5", "join with dim (10k) + filter + GROUP BY",
        "SELECT d.label, COUNT(*), SUM(t.val) FROM t JOIN dim d ON t.grp = d.id"
            + " WHERE t.val < ? GROUP BY d.label",
        (p, n, random, rows) -> p.setDouble(1, (n & 1) == 0 ? 499.5 : 499.75),
        // W6 moves val up, so the expected total is counted on t alone: the join must keep every
        // filtered row exactly once (each grp has one dim row).
        (c, rows) -> {
          try (Statement s = c.createStatement();
              ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM t WHERE val < 499.5")) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  @Override
  public Measurement run(OpenEngine db, BenchConfig config, Random random) throws Exception {
    long expected = expectedCount.count(db.connection(), config.rows());
    long executions = 0;
    long start;
    long now;
    try (PreparedStatement p = db.connection().prepareStatement(sql)) {
      // The clock starts after preparing: W1, W3 and W4/W5 time executions, not planning.
      start = System.nanoTime();
      long deadline = start + config.queryNanos();
      do {
        binder.bind(p, executions, random, config.rows());
        long counted = 0;
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            counted += rs.getLong(2);
          }
        }
        if (counted != expected) {
          throw new IllegalStateException(db.engine() + " " + id() + ": COUNT(*) summed to " + counted
              + ", expected " + expected);
        }
        executions++;
        now = System.nanoTime();
      } while (now < deadline || executions < 2);
    }
    return new Measurement((now - start) / 1e6 / executions, executions, 0, 0, -1, -1,
        "COUNT(*) total " + expected + " in every execution");
  }
}
