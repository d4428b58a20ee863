package dev.ferrite.tools.schema;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Row counts, as every command that reports on tables needs them. */
public final class TableRows {
  private TableRows() {}

  /** {@code SELECT COUNT(*)} of the table or view {@code name} (as stored). */
  public static long count(Connection connection, String name) throws SQLException {
    try (Statement statement = connection.createStatement();
         ResultSet rs = statement.executeQuery(
             "SELECT COUNT(*) FROM " + Identifiers.quote(name))) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
