package dev.ferrite.tools.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/**
 * The measured cost of one durable commit: single-row INSERTs in autocommit mode through JDBC,
 * each timed from execute to return (when the commit is durable), after a warm-up that is not
 * counted (class loading, planning, file growth).
 *
 * @param commits how many were timed
 * @param medianMicros the median, in microseconds
 * @param p90Micros the 90th percentile
 * @param minMicros the fastest
 * @param maxMicros the slowest
 */
public record CommitCost(int commits, double medianMicros, double p90Micros, double minMicros,
    double maxMicros) {
  private static final int WARM_UP = 20;

  /** Times {@code commits} single-row commits on {@code connection} (an empty database). */
  public static CommitCost measure(Connection connection, int commits) throws SQLException {
    try (Statement ddl = connection.createStatement()) {
      ddl.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, payload VARCHAR(100))");
    }
    long[] nanos = new long[commits];
    try (PreparedStatement insert =
        connection.prepareStatement("INSERT INTO probe VALUES (?, ?)")) {
      for (int i = -WARM_UP; i < commits; i++) {
        insert.setInt(1, i);
        insert.setString(2, "one durable commit of a small row");
        long start = System.nanoTime();
        insert.executeUpdate();
        if (i >= 0) {
          nanos[i] = System.nanoTime() - start;
        }
      }
    }
    Arrays.sort(nanos);
    return new CommitCost(commits, micros(nanos, 0.5), micros(nanos, 0.9), nanos[0] / 1e3,
        nanos[commits - 1] / 1e3);
  }

  private static double micros(long[] sorted, double quantile) {
    return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e3;
  }

  /** {@code median 1.21 ms, p90 1.50 ms, min 0.98 ms, max 3.20 ms (about 826 commits/s)}. */
  public String summary() {
    return String.format("median %s, p90 %s, min %s, max %s (about %,.0f commits/s)",
        time(medianMicros), time(p90Micros), time(minMicros), time(maxMicros),
        1e6 / medianMicros);
  }

  private static String time(double micros) {
    return micros >= 1000 ? String.format("%.2f ms", micros / 1000)
        : String.format("%.1f us", micros);
  }
}
