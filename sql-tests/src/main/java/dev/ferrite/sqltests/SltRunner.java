package dev.ferrite.sqltests;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.security.NoSuchAlgorithmException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import net.hydromatic.sqllogictest.ISqlTestOperation;
import net.hydromatic.sqllogictest.OptionsParser;
import net.hydromatic.sqllogictest.SltSqlStatement;
import net.hydromatic.sqllogictest.SltTestFile;
import net.hydromatic.sqllogictest.SqlTestQuery;
import net.hydromatic.sqllogictest.TestStatistics;

/**
 * Runs sqllogictest files against Ferrite. Unlike the library's own loop, which abandons a
 * file at its first failing statement, this runner carries on and counts every record, and
 * puts a timeout on each query. Parsing (with the library's skipif/onlyif policy) and result
 * checking (value formatting, sort modes, hashes) are the library's.
 */
public final class SltRunner {
  private final int queryTimeoutSeconds;
  private final String engine;
  private final OptionsParser.SuppliedOptions options;

  /** Creates a Ferrite runner giving each query {@code queryTimeoutSeconds} (0: no limit). */
  public SltRunner(int queryTimeoutSeconds) {
    this(queryTimeoutSeconds, "ferrite");
  }

  /** Creates a runner for {@code engine} ("ferrite", or "h2" for comparison). */
  public SltRunner(int queryTimeoutSeconds, String engine) {
    this.queryTimeoutSeconds = queryTimeoutSeconds;
    this.engine = engine;
    PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
    OptionsParser parser = new OptionsParser(false, quiet, quiet);
    this.options = parser.parse("-e", "none");
  }

  /** Runs one file from the suite, named as in the jar ("test/select1.test"). */
  public FileResult run(String file) throws IOException {
    long start = System.nanoTime();
    SltTestFile test = new SltTestFile(file);
    test.parse(options);
    List<RecordResult> records = new ArrayList<>();
    FerriteExecutor executor = new FerriteExecutor(options, engine);
    try {
      executor.establishConnection();
      int n = 0;
      for (ISqlTestOperation op : test.fileContents) {
        String id = file + "#" + (++n);
        if (op instanceof SltSqlStatement) {
          records.add(statement(executor, (SltSqlStatement) op, id));
        } else if (op instanceof SqlTestQuery) {
          records.add(query(executor, (SqlTestQuery) op, id));
        }
      }
    } catch (SQLException e) {
      records.add(new RecordResult(file + "#0", false, Outcome.RUNTIME_ERROR, "(connect)", e.toString()));
    } finally {
      try {
        executor.closeConnection();
      } catch (SQLException ignored) {
        // The database is in memory and discarded either way.
      }
    }
    return new FileResult(file, records, (System.nanoTime() - start) / 1e9);
  }

  private RecordResult statement(FerriteExecutor executor, SltSqlStatement s, String id) {
    if (!s.shouldPass) {
      // The library swallows the outcome of "statement error" records either way; check it here.
      try (Statement st = executor.getConnection().createStatement()) {
        st.execute(s.statement);
        return new RecordResult(id, false, Outcome.RUNTIME_ERROR, s.statement, "statement should have failed");
      } catch (SQLException expected) {
        return new RecordResult(id, false, Outcome.PASSED, s.statement, "");
      }
    }
    try {
      executor.statement(s);
      return new RecordResult(id, false, Outcome.PASSED, s.statement, "");
    } catch (SQLException e) {
      return new RecordResult(id, false, classify(e), s.statement, message(e));
    }
  }

  private RecordResult query(FerriteExecutor executor, SqlTestQuery q, String id) {
    TestStatistics stats = new TestStatistics(false, 0);
    try (Statement st = executor.getConnection().createStatement()) {
      st.setQueryTimeout(queryTimeoutSeconds);
      try (ResultSet rs = st.executeQuery(q.getQuery())) {
        if (!executor.validate(q, rs, q.outputDescription, stats)) {
          return new RecordResult(id, true, Outcome.PASSED, q.getQuery(), "");
        }
      }
    } catch (SQLException e) {
      return new RecordResult(id, true, classify(e), q.getQuery(), message(e));
    } catch (NoSuchAlgorithmException | RuntimeException e) {
      return new RecordResult(id, true, Outcome.RUNTIME_ERROR, q.getQuery(), e.toString());
    }
    String error = stats.getFailedTestCount() >= 0 ? describe(stats) : "";
    Outcome outcome = error.contains("Hash") ? Outcome.WRONG_HASH : Outcome.WRONG_ROWS;
    return new RecordResult(id, true, outcome, q.getQuery(), error);
  }

  private static String describe(TestStatistics stats) {
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    stats.printStatistics(new PrintStream(bytes, true));
    String s = bytes.toString().replaceAll("\\s+", " ").trim();
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  private static Outcome classify(SQLException e) {
    if (e instanceof SQLTimeoutException) {
      return Outcome.TIMEOUT;
    }
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    return state.startsWith("42") || state.startsWith("0A") ? Outcome.REJECTED : Outcome.RUNTIME_ERROR;
  }

  private static String message(SQLException e) {
    String m = "[" + e.getSQLState() + "] " + e.getMessage();
    return m.length() > 300 ? m.substring(0, 300) : m;
  }
}
