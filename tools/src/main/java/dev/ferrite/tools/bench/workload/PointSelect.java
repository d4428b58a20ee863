package dev.ferrite.tools.bench.workload;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;

/**
 * W3: one thread selecting one row by a random primary key for a fixed time, through one cached
 * PreparedStatement, reading the returned column. A missing row is an error, not a fast path.
 */
final class PointSelect extends NamedWorkload {
  PointSelect() {
    super("W3", "point select by PK, 1 thread", Unit.OPS_PER_S);
  }

  @Override
  public Measurement run(OpenEngine db, BenchConfig config, Random random) throws Exception {
    long ops = 0;
    long chars = 0;
    long start;
    long now;
    try (PreparedStatement p = db.connection().prepareStatement("SELECT name FROM t WHERE id = ?")) {
      // The clock starts after preparing: W1, W3 and W4/W5 time executions, not planning.
      start = System.nanoTime();
      long deadline = start + config.phaseNanos();
      do {
        long id = random.nextInt(config.rows());
        p.setLong(1, id);
        try (ResultSet rs = p.executeQuery()) {
          if (!rs.next()) {
            throw new IllegalStateException(db.engine() + ": row " + id + " of t is missing");
          }
          chars += rs.getString(1).length();
        }
        ops++;
        now = System.nanoTime();
      } while (now < deadline);
    }
    if (chars == 0) {
      throw new IllegalStateException(db.engine() + ": W3 read nothing");
    }
    return Measurement.of(ops / ((now - start) / 1e9), ops);
  }
}
