package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import sqlline.SqlLine;

/**
 * The unmodified sqlline shell runs a script against a database file: connect, DDL, metadata
 * commands (which call DatabaseMetaData by reflection and print the result sets), a query.
 */
class SqllineClientTest {
  @TempDir
  Path dir;

  private static List<String> linesContaining(String output, String... words) {
    return output.lines().filter(l -> {
      for (String w : words) {
        if (!l.contains(w)) {
          return false;
        }
      }
      return true;
    }).collect(Collectors.toList());
  }

  @Test
  void scriptWithMetadataCommandsAndAQuery() throws Exception {
    String url = Db.fileUrl(dir);
    Path script = dir.resolve("script.sql");
    Files.writeString(script, String.join("\n",
        "!connect " + url + " sa sa",
        "CREATE TABLE orders(id INTEGER PRIMARY KEY, customer VARCHAR(40) NOT NULL, total DECIMAL(10,2));",
        "CREATE INDEX orders_by_customer ON orders(customer);",
        "CREATE TABLE audit_log(msg VARCHAR(100));",
        "INSERT INTO orders VALUES (1, 'alice', 10.50), (2, 'bob', 99.99);",
        "!tables",
        "!columns ORDERS",
        "!primarykeys ORDERS",
        "!indexes ORDERS",
        "SELECT id, customer, total FROM orders ORDER BY id;",
        "!quit",
        ""));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SqlLine.Status status;
    try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
      SqlLine sqlline = new SqlLine();
      sqlline.setOutputStream(out);
      sqlline.setErrorStream(out);
      status = sqlline.begin(new String[] {"--maxWidth=400", "--run=" + script}, null, false);
    }
    String output = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(SqlLine.Status.OK, status, output);
    assertFalse(output.contains("Error:"), output);
    // !tables lists both tables in schema PUBLIC.
    assertEquals(1, linesContaining(output, "PUBLIC", "ORDERS", "TABLE").size(), output);
    assertEquals(1, linesContaining(output, "PUBLIC", "AUDIT_LOG", "TABLE").size(), output);
    // !columns shows each column with its type.
    assertFalse(linesContaining(output, "ORDERS", "CUSTOMER", "VARCHAR").isEmpty(), output);
    assertFalse(linesContaining(output, "ORDERS", "TOTAL", "DECIMAL").isEmpty(), output);
    // !primarykeys and !indexes: the key column and the secondary index.
    assertFalse(linesContaining(output, "ORDERS", "ID", "1").isEmpty(), output);
    assertFalse(linesContaining(output, "ORDERS_BY_CUSTOMER", "CUSTOMER").isEmpty(), output);
    // The query's rows, as sqlline prints them.
    assertFalse(linesContaining(output, "1", "alice", "10.50").isEmpty(), output);
    assertFalse(linesContaining(output, "2", "bob", "99.99").isEmpty(), output);
    assertTrue(output.contains("2 rows selected"), output);

    // What the shell did is really in the file.
    try (Connection c = Db.open(url)) {
      assertEquals(2, Db.count(c, "orders"));
    }
  }
}
