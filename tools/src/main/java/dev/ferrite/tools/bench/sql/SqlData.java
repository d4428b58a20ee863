package dev.ferrite.tools.bench.sql;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The shared data set: {@code fact(id INTEGER PRIMARY KEY, grp INTEGER, amount DOUBLE, note
 * VARCHAR(20))} with {@code rows} rows (grp = id mod 10,000; amount = id mod 1,000) and
 * {@code dim(id INTEGER PRIMARY KEY, name VARCHAR(20))} with 10,000 rows. Loaded in one
 * transaction with batched PreparedStatements, the same SQL for every peer.
 */
final class SqlData {
  static final int DIM_ROWS = 10_000;

  private SqlData() {
  }

  static void load(Connection c, int rows) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE fact(id INTEGER PRIMARY KEY, grp INTEGER, amount DOUBLE, note VARCHAR(20))");
      s.execute("CREATE TABLE dim(id INTEGER PRIMARY KEY, name VARCHAR(20))");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO fact VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        p.setInt(1, i);
        p.setInt(2, i % DIM_ROWS);
        p.setDouble(3, i % 1000);
        p.setString(4, "note-" + i);
        p.addBatch();
        if (i % 1000 == 999) {
          p.executeBatch();
        }
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO dim VALUES (?, ?)")) {
      for (int i = 0; i < DIM_ROWS; i++) {
        p.setInt(1, i);
        p.setString(2, "name-" + (i % 100));
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }
}
