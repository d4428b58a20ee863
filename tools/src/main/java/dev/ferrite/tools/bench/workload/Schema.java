package dev.ferrite.tools.bench.workload;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The one schema every engine gets, created and filled with the same SQL:
 * {@code t(id BIGINT PRIMARY KEY, grp INTEGER, val DOUBLE, name VARCHAR(40))} with row {@code i}
 * = (i, i mod 10,000, i mod 1,000, 'row-i'); {@code dim(id INTEGER PRIMARY KEY, label
 * VARCHAR(20))} with 10,000 rows in 100 labels; {@code ins} (W1's target) and {@code bulk} (W2's)
 * with t's columns. Values of {@code val} are small integers, so sums of them are exact in a
 * DOUBLE and W6's consistency check can compare them for equality.
 */
final class Schema {
  /** Rows of {@code dim}, and the number of distinct {@code grp} values in {@code t}. */
  static final int DIM_ROWS = 10_000;
  /** Rows per {@code executeBatch} when loading. */
  static final int BATCH = 1_000;

  private Schema() {
  }

  /** Creates a table with t's columns, named {@code table}. */
  static void createRowTable(Engine e, Connection c, String table) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE " + table + "(id " + e.bigintKey()
          + ", grp INTEGER, val DOUBLE, name VARCHAR(40))");
    }
  }

  /** Creates and fills {@code dim} in one transaction. */
  static void createDim(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE dim(id INTEGER PRIMARY KEY, label VARCHAR(20))");
    }
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO dim VALUES (?, ?)")) {
      for (int i = 0; i < DIM_ROWS; i++) {
        p.setInt(1, i);
        p.setString(2, "label-" + (i % 100));
        p.addBatch();
      }
      p.executeBatch();
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /**
   * Inserts rows 0..rows-1 into {@code table} with addBatch/executeBatch in one transaction and
   * commits: W2's timed work, and also how {@code t} is filled before the other workloads.
   */
  static void load(Connection c, String table, int rows) throws SQLException {
    c.setAutoCommit(false);
    try (PreparedStatement p = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?, ?)")) {
      for (int i = 0; i < rows; i++) {
        bind(p, i);
        p.addBatch();
        if (i % BATCH == BATCH - 1) {
          p.executeBatch();
        }
      }
      if (rows % BATCH != 0) {
        p.executeBatch(); // HSQLDB refuses an empty batch
      }
    }
    c.commit();
    c.setAutoCommit(true);
  }

  /** Binds the four columns of row {@code id} to parameters 1–4. */
  static void bind(PreparedStatement p, long id) throws SQLException {
    p.setLong(1, id);
    p.setInt(2, (int) (id % DIM_ROWS));
    p.setDouble(3, id % 1000);
    p.setString(4, "row-" + id);
  }

  /** SUM(val) over rows 0..rows-1 as loaded, before any update. */
  static double loadedValSum(int rows) {
    long full = rows / 1000;
    long rest = rows % 1000;
    return full * (999L * 1000 / 2) + rest * (rest - 1) / 2;
  }
}
