package dev.ferrite.sqltests.reliability;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** One-line JDBC helpers shared by the reliability tests. */
final class Sql {
  private Sql() {
  }

  /** The JDBC URL of the database file {@code file}, with optional {@code ;key=value} options. */
  static String url(Path file, String... options) {
    StringBuilder url = new StringBuilder("jdbc:ferrite:").append(file);
    for (String option : options) {
      url.append(';').append(option);
    }
    return url.toString();
  }

  static Connection open(Path file, String... options) throws SQLException {
    return DriverManager.getConnection(url(file, options));
  }

  static void exec(Connection c, String... statements) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        s.execute(sql);
      }
    }
  }

  /** Runs an INSERT, UPDATE or DELETE with parameters; returns the update count. */
  static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        ps.setObject(i + 1, params[i]);
      }
      return ps.executeUpdate();
    }
  }

  /** The single value of a one-row, one-column query. */
  static long queryLong(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql);
      }
      long value = rs.getLong(1);
      if (rs.next()) {
        throw new AssertionError("more than one row from " + sql);
      }
      return value;
    }
  }

  /**
   * Fills {@code n(x INTEGER PRIMARY KEY)} with 0..rows-1: the generator the long queries and big
   * writes cross-join with itself.
   */
  static void createNumbers(Connection c, int rows) throws SQLException {
    exec(c, "CREATE TABLE n(x INTEGER PRIMARY KEY)");
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO n VALUES (?)")) {
      for (int i = 0; i < rows; i++) {
        insert.setInt(1, i);
        insert.addBatch();
      }
      insert.executeBatch();
    }
    c.commit();
    c.setAutoCommit(auto);
  }
}
