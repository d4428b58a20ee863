package dev.ferrite.tools.shell;

import java.io.PrintWriter;
import java.io.Reader;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * One connection and what the shell does with it: runs statements and meta-commands, prints
 * results as aligned tables and errors as {@code ERROR [SQLSTATE]: ...}, and remembers
 * settings such as {@code \timing}. Used the same way by the interactive shell, {@code -c},
 * {@code -f}, piped input and {@code \i}.
 */
public final class ShellSession {
  private final Connection connection;
  private final PrintWriter out;
  private final PrintWriter err;
  private final MetaCommands meta = new MetaCommands(this);
  private boolean timing;
  /** The statement now running, for {@link #cancel()} from the Ctrl-C handler's thread. */
  private volatile Statement running;

  /** A session printing results to {@code out} and errors to {@code err}. */
  public ShellSession(Connection connection, PrintWriter out, PrintWriter err) {
    this.connection = connection;
    this.out = out;
    this.err = err;
  }

  /**
   * Runs every statement and meta-command of {@code script}, stopping at the first error or
   * {@code \q}. {@code source} names the script in error messages (null: typed or {@code -c}).
   */
  public Outcome runScript(Reader script, String source) {
    StatementSplitter splitter = new StatementSplitter(script);
    for (ScriptItem item; (item = splitter.next()) != null; ) {
      Outcome outcome = execute(item, source);
      if (outcome != Outcome.OK) {
        return outcome;
      }
    }
    return Outcome.OK;
  }

  /** Runs one statement or meta-command. */
  public Outcome execute(ScriptItem item, String source) {
    Outcome outcome = item.meta() ? meta.run(item.text()) : sql(item, source);
    out.flush();
    err.flush();
    return outcome;
  }

  private Outcome sql(ScriptItem item, String source) {
    long start = System.nanoTime();
    try (Statement statement = connection.createStatement()) {
      running = statement;
      if (statement.execute(item.text())) {
        try (ResultSet rs = statement.getResultSet()) {
          ResultTable.print(rs, out);
        }
      } else {
        out.println(CommandTag.of(item.text(), statement.getLargeUpdateCount()));
      }
    } catch (SQLException e) {
      ErrorPrinter.print(e, item, source, err);
      return Outcome.ERROR;
    } finally {
      running = null;
    }
    if (timing) {
      out.printf("Time: %.3f ms%n", (System.nanoTime() - start) / 1e6);
    }
    return Outcome.OK;
  }

  /** Cancels the statement now running, if any (Ctrl-C at the interactive prompt). */
  public void cancel() {
    Statement statement = running;
    if (statement != null) {
      try {
        statement.cancel();
      } catch (SQLException e) {
        err.println(ErrorPrinter.headline(e));
        err.flush();
      }
    }
  }

  /** Prints an error that is not an SQLException (a meta-command's). */
  void error(String message) {
    err.println("ERROR: " + message);
  }

  /** Prints an SQL error that has no statement text to point into (metadata calls). */
  void error(SQLException e) {
    err.println(ErrorPrinter.headline(e));
  }

  Connection connection() {
    return connection;
  }

  PrintWriter out() {
    return out;
  }

  boolean timing() {
    return timing;
  }

  void timing(boolean on) {
    timing = on;
  }
}
