package dev.ferrite.sqltests.reliability;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The child JVM of {@link SmallHeapTest}, run with a 64 MiB heap on a database the parent
 * prepared. Arguments: database file, mode. It prints {@code RESULT <name> <outcome>} lines,
 * where an outcome is {@code completed <value>}, {@code OutOfMemoryError} or
 * {@code SQLException <state> <message>}, then {@code closed} once its connection is closed.
 */
public final class SmallHeapMain {
  /** 4,000,000 rows in descending order, all held by the sort. */
  static final String ORDER_BY = "SELECT a.x * 2000 + b.x AS k FROM n a, n b ORDER BY k DESC";
  /** 4,000,000 groups, all held by the hash aggregate. */
  static final String MANY_GROUPS = "SELECT COUNT(*) FROM (SELECT a.x * 2000 + b.x AS k, COUNT(*) AS c"
      + " FROM n a, n b GROUP BY a.x * 2000 + b.x) g";
  /** 3,999 groups over the same 4,000,000 rows: needs little memory. */
  static final String FEW_GROUPS = "SELECT COUNT(*), SUM(c) FROM (SELECT a.x + b.x AS s, COUNT(*) AS c"
      + " FROM n a, n b GROUP BY a.x + b.x) g";

  private SmallHeapMain() {
  }

  /** Runs the mode; see the class comment. */
  public static void main(String[] args) throws SQLException, IOException {
    Path db = Path.of(args[0]);
    try (Connection c = Sql.open(db, "busy_timeout=2000")) {
      switch (args[1]) {
        case "queries" -> queries(c);
        case "update-autocommit" -> {
          report("update", outcome(() -> Sql.update(c, "UPDATE big SET pad = 'new'")));
          report("write-after", outcome(() -> Sql.update(c, "INSERT INTO kept VALUES (1000001, 1)")));
        }
        case "update-in-transaction" -> {
          c.setAutoCommit(false);
          report("update", outcome(() -> Sql.update(c, "UPDATE big SET pad = 'new'")));
          report("visible-after", outcome(() -> Sql.queryLong(c, "SELECT COUNT(*) FROM big WHERE pad = 'new'")));
          report("commit", outcome(() -> {
            c.commit();
            return "ok";
          }));
        }
        case "query-then-churn" -> {
          report("query", outcome(() -> readOrdered(c)));
          for (int i = 0; i < 200; i++) {
            Sql.update(c, "UPDATE kept SET note = '" + "c".repeat(100 + i % 50) + "'");
          }
          report("file-bytes", "completed " + Files.size(db));
        }
        default -> throw new IllegalArgumentException(args[1]);
      }
    }
    System.out.println("closed");
  }

  /**
   * Big queries, the first inside a transaction that also inserted a row (gone after the
   * rollback), then a committed marker row: the session still works after whatever happened.
   */
  private static void queries(Connection c) throws SQLException {
    c.setAutoCommit(false);
    Sql.exec(c, "INSERT INTO kept VALUES (-1, 0, 'uncommitted')");
    report("order-by", outcome(() -> readOrdered(c)));
    c.rollback();
    c.setAutoCommit(true);
    report("many-groups", outcome(() -> Sql.queryLong(c, MANY_GROUPS)));
    report("few-groups", outcome(() -> {
      try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(FEW_GROUPS)) {
        rs.next();
        return rs.getLong(1) + " groups of " + rs.getLong(2) + " rows";
      }
    }));
    Sql.exec(c, "INSERT INTO kept VALUES (1000000, 7, 'marker')");
    report("marker", "completed");
  }

  /** Reads {@link #ORDER_BY} to the end, checking the order; returns the row count. */
  private static long readOrdered(Connection c) throws SQLException {
    long rows = 0;
    long previous = Long.MAX_VALUE;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(ORDER_BY)) {
      while (rs.next()) {
        long k = rs.getLong(1);
        if (k > previous) {
          throw new IllegalStateException("out of order after " + rows + " rows");
        }
        previous = k;
        rows++;
      }
    }
    return rows;
  }

  /** Work whose outcome is reported. */
  private interface Work {
    Object run() throws SQLException;
  }

  private static String outcome(Work work) {
    try {
      return "completed " + work.run();
    } catch (OutOfMemoryError e) {
      return "OutOfMemoryError";
    } catch (SQLException e) {
      return "SQLException " + e.getSQLState() + " " + e.getMessage();
    }
  }

  private static void report(String name, String outcome) {
    System.out.println("RESULT " + name + " " + outcome);
  }
}
