package dev.ferrite.tools.bench.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The SQL engine's latency and throughput against peers through JDBC, on the same data in one
 * run (issue 4's targets): a cached point query, preparing a query never seen before, a full
 * scan with GROUP BY, and a join of the fact table with the 10,000-row dimension.
 *
 * <pre>
 *   java -jar tools/target/ferrite-benchmarks.jar SqlEngineBenchmark -p rows=1000000
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgs = {"-Xmx6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class SqlEngineBenchmark {
  @Param({"ferrite", "h2", "sqlite"})
  public String peer;

  @Param({"1000000"})
  public int rows;

  private Connection connection;
  private PreparedStatement point;
  private PreparedStatement groupBy;
  private PreparedStatement join;
  private int next;
  private long prepared;

  @Setup(Level.Trial)
  public void load() throws SQLException {
    connection = Peer.of(peer).openFresh();
    SqlData.load(connection, rows);
    point = connection.prepareStatement("SELECT note FROM fact WHERE id = ?");
    // The bounds alternate between two values that select the same rows: H2 reuses the result of
    // a query run again with the same parameters on unchanged data, which would time nothing.
    groupBy = connection.prepareStatement("SELECT grp, COUNT(*), SUM(amount) FROM fact WHERE amount > ? GROUP BY grp");
    join = connection.prepareStatement("SELECT d.name, COUNT(*), SUM(f.amount) FROM fact f JOIN dim d"
        + " ON f.grp = d.id WHERE f.amount < ? GROUP BY d.name");
  }

  @TearDown(Level.Trial)
  public void close() throws SQLException {
    connection.close();
  }

  /** A point query by primary key through a cached PreparedStatement. */
  @Benchmark
  public String pointQuery() throws SQLException {
    next = (next + 7919) % rows;
    point.setInt(1, next);
    try (ResultSet rs = point.executeQuery()) {
      rs.next();
      return rs.getString(1);
    }
  }

  /** Preparing a simple query whose text has not been seen before (a new column alias each time). */
  @Benchmark
  public void prepareNewQuery(Blackhole bh) throws SQLException {
    try (PreparedStatement p = connection.prepareStatement(
        "SELECT note AS c" + (prepared++) + " FROM fact WHERE id = ? AND grp > 5")) {
      bh.consume(p);
    }
  }

  /** Full scan with GROUP BY over all rows (10,000 groups). */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 3)
  public long scanGroupBy() throws SQLException {
    groupBy.setDouble(1, (next++ & 1) == 0 ? -1 : -2);
    return drain(groupBy);
  }

  /** All rows joined with the 10,000-row dimension, half filtered out, grouped by name. */
  @Benchmark
  @OutputTimeUnit(TimeUnit.MILLISECONDS)
  @Warmup(iterations = 2, time = 2)
  @Measurement(iterations = 5, time = 3)
  public long joinGroupBy() throws SQLException {
    join.setDouble(1, (next++ & 1) == 0 ? 499.5 : 499.75);
    return drain(join);
  }

  private static long drain(PreparedStatement p) throws SQLException {
    long sum = 0;
    try (ResultSet rs = p.executeQuery()) {
      while (rs.next()) {
        sum += rs.getLong(2);
      }
    }
    return sum;
  }
}
