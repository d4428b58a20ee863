package dev.ferrite.sqltests;

import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.executors.JdbcExecutor;

/**
 * The library's JDBC executor pointed at a fresh in-memory database per test file (Ferrite's,
 * or H2's for the comparison run), so nothing needs dropping between files (the inherited
 * cleanup drops every listed table and aborts the run on the first failure).
 */
final class FerriteExecutor extends JdbcExecutor {
  private static final AtomicLong DATABASES = new AtomicLong();

  FerriteExecutor(OptionsParser.SuppliedOptions options, String engine) {
    super(options, url(engine), "", "");
  }

  private static String url(String engine) {
    long n = DATABASES.incrementAndGet();
    switch (engine) {
      case "ferrite":
        return "jdbc:ferrite:mem:slt-" + n;
      case "h2":
        return "jdbc:h2:mem:slt-" + n;
      default:
        throw new IllegalArgumentException("unknown engine " + engine + "; expected ferrite or h2");
    }
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
