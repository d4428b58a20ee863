package dev.ferrite.tools.admin;

import static dev.ferrite.tools.schema.Identifiers.quote;

import dev.ferrite.tools.schema.IndexInfo;
import dev.ferrite.tools.schema.SchemaReader;
import dev.ferrite.tools.schema.TableInfo;
import dev.ferrite.tools.schema.TableRows;
import dev.ferrite.tools.shell.ErrorPrinter;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL half of {@code verify}, through JDBC: every table listed by the metadata must be
 * readable ({@code SELECT COUNT(*)}, a scan of the table's own tree), every secondary index
 * must hold one entry per row (counted through the index itself), every view must still run.
 *
 * @param checked one line per table: its rows and indexes
 * @param problems what is wrong, empty when consistent
 */
public record CatalogCheck(List<String> checked, List<String> problems) {

  /** Hears which table is being checked. */
  @FunctionalInterface
  public interface Listener {
    /** Called before each table or view: {@code done} of {@code total} finished so far. */
    void checking(int done, int total, String name);
  }

  /** Checks every table, index and view the connection sees. */
  public static CatalogCheck run(Connection connection, Listener listener) throws SQLException {
    SchemaReader schema = new SchemaReader(connection.getMetaData());
    List<String> tables = schema.tableNames();
    List<String> views = schema.viewNames();
    int total = tables.size() + views.size();
    CatalogCheck result = new CatalogCheck(new ArrayList<>(), new ArrayList<>());
    int done = 0;
    for (String table : tables) {
      listener.checking(done++, total, table);
      result.table(connection, schema.table(table));
    }
    for (String view : views) {
      listener.checking(done++, total, view);
      result.view(connection, view);
    }
    return result;
  }

  private void table(Connection connection, TableInfo table) {
    long rows;
    try {
      rows = TableRows.count(connection, table.name());
    } catch (SQLException e) {
      problems.add("table " + table.name() + " cannot be read: " + ErrorPrinter.headline(e));
      return;
    }
    StringBuilder line = new StringBuilder(table.name() + ": " + rows + " rows");
    for (IndexInfo index : table.secondaryIndexes()) {
      line.append(", index ").append(index.name()).append(' ');
      try {
        long entries = indexEntries(connection, table, index);
        if (entries < 0) {
          line.append("not checked (the planner does not read it for its key)");
          continue;
        }
        line.append(entries).append(" entries");
        if (entries != rows) {
          problems.add("index " + index.name() + " of " + table.name() + " has " + entries
              + " entries but the table has " + rows + " rows");
        }
      } catch (SQLException e) {
        line.append("unreadable");
        problems.add("index " + index.name() + " of " + table.name() + " cannot be read: "
            + ErrorPrinter.headline(e));
      }
    }
    checked.add(line.toString());
  }

  /**
   * Rows counted through {@code index}: those whose first key column is NULL plus those where
   * it is at least its minimum, two searches the planner answers with the index (confirmed with
   * EXPLAIN; -1 if it chooses another path). A full scan in key order would not do: for a large
   * table the planner rightly prefers scanning the table and sorting.
   */
  private static long indexEntries(Connection connection, TableInfo table, IndexInfo index)
      throws SQLException {
    String column = quote(index.columns().get(0).column());
    String where = " FROM " + quote(table.name()) + " WHERE " + column;
    Object min = value(connection, "SELECT MIN(" + column + ")" + where + " IS NOT NULL", null);
    String nulls = "SELECT COUNT(*)" + where + " IS NULL";
    String values = "SELECT COUNT(*)" + where + " >= ?";
    if (!usesIndex(connection, nulls, null, index)
        || min != null && !usesIndex(connection, values, min, index)) {
      return -1;
    }
    long entries = ((Number) value(connection, nulls, null)).longValue();
    return min == null ? entries : entries + ((Number) value(connection, values, min)).longValue();
  }

  /** Whether the plan of {@code query} reads {@code index} (EXPLAIN names it). */
  private static boolean usesIndex(Connection connection, String query, Object parameter,
      IndexInfo index) throws SQLException {
    try (PreparedStatement statement = prepare(connection, "EXPLAIN " + query, parameter);
         ResultSet plan = statement.executeQuery()) {
      while (plan.next()) {
        String line = plan.getString(1);
        if (line.contains("index=" + index.name() + ",")
            || line.contains("index=" + index.name() + ")")) {
          return true;
        }
      }
      return false;
    }
  }

  /** The single value {@code query} returns. */
  private static Object value(Connection connection, String query, Object parameter)
      throws SQLException {
    try (PreparedStatement statement = prepare(connection, query, parameter);
         ResultSet rs = statement.executeQuery()) {
      rs.next();
      return rs.getObject(1);
    }
  }

  private static PreparedStatement prepare(Connection connection, String query, Object parameter)
      throws SQLException {
    PreparedStatement statement = connection.prepareStatement(query);
    if (parameter != null) {
      statement.setObject(1, parameter);
    }
    return statement;
  }

  private void view(Connection connection, String view) {
    try {
      long rows = TableRows.count(connection, view);
      checked.add(view + " (view): " + rows + " rows");
    } catch (SQLException e) {
      problems.add("view " + view + " cannot be read: " + ErrorPrinter.headline(e));
    }
  }
}
