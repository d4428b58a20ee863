package dev.ferrite.sqltests.differential;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One generated database loaded into both engines, through JDBC only, each under a fresh
 * in-memory name. Rows are inserted one per transaction; a row only one engine accepts is rolled
 * back in that engine (and reported), so the two databases always hold the same rows.
 */
final class Env implements AutoCloseable {
  /** Seconds before a statement is cancelled (a timeout is neither a result nor a finding). */
  private static final int TIMEOUT_SECONDS = 10;

  private final Map<Engine, Connection> connections = new EnumMap<>(Engine.class);
  private final DatabaseSpec spec;
  private final List<Rejection> rejectedByOne = new ArrayList<>();

  private Env(DatabaseSpec requested) throws SQLException {
    try {
      for (Engine e : Engine.values()) {
        connections.put(e, DriverManager.getConnection(e.freshUrl()));
      }
      for (Table t : requested.tables()) {
        executeOnBoth(t.ddl());
      }
      for (String index : requested.indexes()) {
        executeOnBoth(index);
      }
      List<Insert> accepted = new ArrayList<>();
      for (Insert row : requested.rows()) {
        Outcome[] both = insert(row);
        if (both[0].ok() && both[1].ok()) {
          accepted.add(row);
        } else if (both[0].ok() || both[1].ok()) {
          rejectedByOne.add(new Rejection(row, accepted.size(),
              DifferentialCheck.compare(both[Engine.FERRITE.ordinal()], both[Engine.H2.ordinal()], false)));
        }
      }
      spec = requested.withRows(accepted);
    } catch (SQLException | RuntimeException e) {
      close();
      throw e;
    }
  }

  /** Creates the schema in both engines and inserts the rows both accept. */
  static Env open(DatabaseSpec spec) throws SQLException {
    return new Env(spec);
  }

  /** The database as loaded: only rows both engines accepted. */
  DatabaseSpec spec() {
    return spec;
  }

  /**
   * A row one engine accepted and the other rejected (neither holds it now).
   *
   * @param acceptedBefore how many of the accepted rows had been inserted before it
   */
  record Rejection(Insert row, int acceptedBefore, Mismatch mismatch) {
  }

  List<Rejection> rejectedByOne() {
    return rejectedByOne;
  }

  /** Inserts a row into both engines in its own transaction, and keeps it only if both accept it. */
  Outcome[] insert(Insert row) throws SQLException {
    Outcome[] both = new Outcome[2];
    for (Engine e : Engine.values()) {
      Connection c = connections.get(e);
      c.setAutoCommit(false);
      both[e.ordinal()] = update(e, row.sql());
    }
    boolean keep = both[0].ok() && both[1].ok();
    for (Connection c : connections.values()) {
      if (keep) {
        c.commit();
      } else {
        c.rollback();
      }
      c.setAutoCommit(true);
    }
    return both;
  }

  /** Runs a query and reads all its rows; any failure becomes an error outcome. */
  Outcome query(Engine engine, String sql) {
    return run(engine, s -> {
      try (ResultSet rs = s.executeQuery(sql)) {
        int width = rs.getMetaData().getColumnCount();
        List<List<Object>> rows = new ArrayList<>();
        while (rs.next()) {
          List<Object> row = new ArrayList<>(width);
          for (int i = 1; i <= width; i++) {
            row.add(Values.normalize(rs.getObject(i)));
          }
          rows.add(row);
        }
        return Outcome.success(rows);
      }
    });
  }

  /** Runs a statement without a result (DDL, INSERT) on one engine. */
  Outcome update(Engine engine, String sql) {
    return run(engine, s -> {
      s.execute(sql);
      return Outcome.success(List.of());
    });
  }

  /** What to do with a statement. */
  private interface Work {
    Outcome on(Statement s) throws SQLException;
  }

  private Outcome run(Engine engine, Work work) {
    try (Statement s = connections.get(engine).createStatement()) {
      s.setQueryTimeout(TIMEOUT_SECONDS);
      return work.on(s);
    } catch (SQLException e) {
      return Outcome.failure(e.getSQLState(), e.getMessage());
    } catch (RuntimeException | AssertionError e) {
      // A driver must only throw SQLException; anything else is reported as an error of its own.
      return Outcome.failure("THROWN", e.toString());
    }
  }

  private void executeOnBoth(String ddl) throws SQLException {
    for (Engine e : Engine.values()) {
      Outcome o = update(e, ddl);
      if (!o.ok()) {
        throw new SQLException(e + " rejected generated DDL " + ddl + ": " + o, o.sqlState());
      }
    }
  }

  @Override public void close() throws SQLException {
    SQLException first = null;
    for (Connection c : connections.values()) {
      try {
        c.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
