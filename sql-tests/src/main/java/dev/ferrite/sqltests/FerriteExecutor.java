package dev.ferrite.sqltests;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * The library's JDBC executor pointed at a fresh in-memory Ferrite database per test file, so
 * nothing needs dropping between files (the inherited cleanup drops every listed table and
 * aborts the run on the first failure).
 */
final class FerriteExecutor extends JdbcExecutor {
  private static final AtomicLong DATABASES = new AtomicLong();

  FerriteExecutor(OptionsParser.SuppliedOptions options) {
    super(options, "jdbc:ferrite:mem:slt-" + DATABASES.incrementAndGet(), "", "");
  }

  @Override public void dropAllTables() {
    // Each file runs in its own in-memory database, discarded when the connection closes.
  }

  @Override public void dropAllViews() {
    // As dropAllTables.
  }

  @Override public void closeConnection() throws SQLException {
    if (connection != null) {
      connection.close();
      connection = null;
    }
  }
}
