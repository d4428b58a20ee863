package dev.ferrite.sqltests.files;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A small real database built through the driver (a table with a primary key and a secondary
 * index, a table of CLOBs long enough for overflow pages), and the queries whose answers tell
 * whether a damaged copy still returns exactly the right rows.
 *
 * <p>Its last two commits only touch the table {@code marker}, which no query reads: a damaged
 * newest meta page falls back to the previous commit by design (it cannot be told from a torn
 * meta write), and that commit then still holds every row the queries check.
 */
final class SampleDatabase {
  static final List<String> QUERIES = List.of(
      "SELECT COUNT(*), SUM(qty), MIN(name), MAX(name) FROM item",
      "SELECT id, name, qty FROM item ORDER BY id",
      "SELECT id FROM item WHERE qty BETWEEN 100 AND 120 ORDER BY id",
      "SELECT id, body FROM doc ORDER BY id");

  private SampleDatabase() {}

  static String url(Path file) {
    return "jdbc:ferrite:" + file;
  }

  /** Creates the database at {@code file} and returns each query's rows. */
  static List<List<String>> build(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection(url(file)); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE item(id INTEGER PRIMARY KEY, name VARCHAR(40), qty INTEGER)");
      s.execute("CREATE INDEX item_qty ON item(qty)");
      s.execute("CREATE TABLE doc(id INTEGER PRIMARY KEY, body CLOB)");
      s.execute("CREATE TABLE marker(id INTEGER PRIMARY KEY)");
      c.setAutoCommit(false);
      try (PreparedStatement item = c.prepareStatement("INSERT INTO item VALUES (?, ?, ?)")) {
        for (int i = 0; i < 3000; i++) {
          item.setInt(1, i);
          item.setString(2, "item-" + Integer.toString(i * 7919 % 10007, 36));
          item.setInt(3, i * 31 % 997);
          item.addBatch();
        }
        item.executeBatch();
      }
      try (PreparedStatement doc = c.prepareStatement("INSERT INTO doc VALUES (?, ?)")) {
        for (int i = 0; i < 12; i++) {
          doc.setInt(1, i);
          doc.setString(2, ("document " + i + " ").repeat(600));
          doc.executeUpdate();
        }
      }
      c.commit();
      c.setAutoCommit(true);
      s.execute("INSERT INTO marker VALUES (1)");
      s.execute("INSERT INTO marker VALUES (2)");
      return answers(c);
    }
  }

  /** Runs every query; each result is its rows rendered as text. */
  static List<List<String>> answers(Connection c) throws SQLException {
    List<List<String>> answers = new ArrayList<>();
    for (String query : QUERIES) {
      answers.add(rows(c, query));
    }
    return answers;
  }

  static List<String> rows(Connection c, String query) throws SQLException {
    List<String> rows = new ArrayList<>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
      ResultSetMetaData meta = rs.getMetaData();
      while (rs.next()) {
        StringBuilder row = new StringBuilder();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
          row.append(rs.getString(i)).append('|');
        }
        rows.add(row.toString());
      }
    }
    return rows;
  }
}
