package dev.ferrite.sqltests.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks that the secondary indexes of the killed-JVM workload agree with their tables: a
 * lookup through each index finds exactly the rows a full read found. A commit that reached the
 * table tree but not the index tree (or the reverse) fails here.
 */
final class IndexAgreement {
  private IndexAgreement() {
  }

  /** Fails unless every index lookup matches {@code state}, which was read by scanning. */
  static void check(Connection c, KillModel state) throws SQLException {
    String plan = plan(c, "SELECT COUNT(*) FROM items WHERE payload = 'x'");
    if (!plan.contains("index=ITEMS_PAYLOAD")) {
      throw new AssertionError("the payload lookup does not use its index, so it checks nothing: " + plan);
    }
    for (long tag : state.tags()) {
      expect(c, "SELECT COUNT(*) FROM items WHERE payload = ?", state.tagPayload(tag), state.tagRows(tag));
    }
    for (long txn : state.sideTables()) {
      String table = KillSchema.side(txn);
      int rows = state.sideRows(txn);
      for (int v = 0; v < 5; v++) {
        expect(c, "SELECT COUNT(*) FROM " + table + " WHERE v = ?", v, (rows + 4 - v) / 5);
      }
      if (state.sideHasWIndex(txn) && rows > 0) {
        expect(c, "SELECT COUNT(*) FROM " + table + " WHERE w = ?", KillSchema.sideW(txn, rows - 1), 1);
      }
    }
  }

  private static void expect(Connection c, String sql, Object value, long expected) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setObject(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (rs.getLong(1) != expected) {
          throw new AssertionError(sql + " with " + value + " found " + rs.getLong(1)
              + " rows through the index, a scan found " + expected);
        }
      }
    }
  }

  private static String plan(Connection c, String query) throws SQLException {
    StringBuilder plan = new StringBuilder();
    try (var s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN " + query)) {
      while (rs.next()) {
        plan.append(rs.getString(1)).append('\n');
      }
    }
    return plan.toString();
  }
}
