package dev.ferrite.tools.bench.workload;

import dev.ferrite.engine.Session;
import dev.ferrite.storage.durability.DurabilitySelector;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.StringJoiner;

/**
 * Reads each engine's durability setting back from the database, so the report states what was
 * in force rather than what was asked for (a mistyped URL option would otherwise go unnoticed).
 */
final class DurabilityReadBack {
  private DurabilityReadBack() {
  }

  /** "key=value, ..." as the database reports it, or the error text if it cannot be read. */
  static String of(Engine.Kind kind, Connection c) {
    try {
      switch (kind) {
        case FERRITE:
          return ferrite(c);
        case SQLITE:
          return "journal_mode=" + single(c, "PRAGMA journal_mode")
              + ", synchronous=" + single(c, "PRAGMA synchronous") + " (2 = FULL)";
        case H2:
          return pairs(c, "SELECT SETTING_NAME, SETTING_VALUE FROM INFORMATION_SCHEMA.SETTINGS"
              + " WHERE SETTING_NAME IN ('WRITE_DELAY', 'info.VERSION')");
        default:
          return pairs(c, "SELECT PROPERTY_NAME, PROPERTY_VALUE FROM INFORMATION_SCHEMA.SYSTEM_PROPERTIES"
              + " WHERE PROPERTY_NAME IN ('hsqldb.write_delay', 'hsqldb.write_delay_millis',"
              + " 'hsqldb.tx', 'hsqldb.default_table_type')");
      }
    } catch (SQLException e) {
      return "could not read back: " + e.getMessage();
    }
  }

  private static String ferrite(Connection c) throws SQLException {
    DurabilitySelector.Selection s = c.unwrap(Session.class).database().store().durability();
    return "backend=" + s.backend().kind().label() + (s.forcedPmem() ? " (forced pmem)" : "")
        + "; " + s.reason();
  }

  private static String single(Connection c, String sql) throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      return rs.next() ? rs.getString(1) : "?";
    }
  }

  private static String pairs(Connection c, String sql) throws SQLException {
    StringJoiner j = new StringJoiner(", ");
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        j.add(rs.getString(1) + "=" + rs.getString(2));
      }
    }
    return j.toString();
  }
}
