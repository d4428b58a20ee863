package dev.ferrite.jdbc;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/** Test helpers: fresh database URLs and one-line SQL through the driver. */
final class Db {
  private static final AtomicInteger COUNTER = new AtomicInteger();

  private Db() {
  }

  /** A URL of an in-memory database no other test uses. */
  static String memUrl() {
    return "jdbc:ferrite:mem:test" + COUNTER.incrementAndGet() + "_" + System.nanoTime();
  }

  /** A URL of a database file in {@code dir}. */
  static String fileUrl(Path dir) {
    return "jdbc:ferrite:" + dir.resolve("test.db");
  }

  static Connection open(String url) throws SQLException {
    return DriverManager.getConnection(url);
  }

  static void exec(Connection c, String... sql) throws SQLException {
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        s.execute(q);
      }
    }
  }

  /** The single value of a one-row, one-column query, as a long. */
  static long queryLong(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      if (!rs.next()) {
        throw new AssertionError("no row from " + sql);
      }
      long v = rs.getLong(1);
      if (rs.next()) {
        throw new AssertionError("more than one row from " + sql);
      }
      return v;
    }
  }

  static long count(Connection c, String table) throws SQLException {
    return queryLong(c, "SELECT COUNT(*) FROM " + table);
  }
}
