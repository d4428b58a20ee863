package dev.ferrite.tools.bench.workload;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * An engine during a run: its main connection (open from set-up to the end, so no workload pays
 * for opening the database) and the state workloads carry between repetitions.
 */
public final class OpenEngine implements AutoCloseable {
  private final Engine engine;
  private final Connection connection;
  /** The next id W1 inserts into {@code ins}: ids keep growing across repetitions. */
  long nextInsertId;

  OpenEngine(Engine engine) throws SQLException {
    this.engine = engine;
    this.connection = engine.connect();
  }

  public Engine engine() {
    return engine;
  }

  /** The main connection, in autocommit mode between workloads. */
  public Connection connection() {
    return connection;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
