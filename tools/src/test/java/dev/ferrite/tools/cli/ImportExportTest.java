package dev.ferrite.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferrite import} and {@code ferrite export} on real files. */
class ImportExportTest {
  private static final String ITEMS = "CREATE TABLE items (id INTEGER PRIMARY KEY,"
      + " name VARCHAR(20) NOT NULL, price DECIMAL(6,2), added DATE, seen TIMESTAMP,"
      + " active BOOLEAN, note VARCHAR(50) DEFAULT 'none', raw VARBINARY(8))";

  @TempDir
  Path dir;

  private String db;

  @BeforeEach
  void createTable() {
    db = dir.resolve("csv.db").toString();
    assertEquals(0, Cli.run("shell", db, "-c", ITEMS).exit());
  }

  private Path write(String name, String text) throws IOException {
    return Files.writeString(dir.resolve(name), text);
  }

  private String query(String sql) {
    Cli.Result r = Cli.run("shell", db, "-c", sql);
    assertEquals(0, r.exit(), r.toString());
    return r.out();
  }

  @Test
  void exportWritesAHeaderBareNumbersAndKeepsNullApartFromEmpty() throws IOException {
    query("INSERT INTO items VALUES (1, 'plain', 1.5, DATE '2024-02-29', NULL, true, '', X'00ff'),"
        + " (2, 'comma, \"quote\"', NULL, NULL, NULL, false, NULL, NULL)");
    query("UPDATE items SET seen = TIMESTAMP '2024-03-01 12:30:00' WHERE id = 1");
    Path out = dir.resolve("out.csv");
    Cli.Result r = Cli.run("export", db, "SELECT * FROM items ORDER BY id", out.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("exported 2 rows to " + out), r.out());
    assertEquals("""
        "ID","NAME","PRICE","ADDED","SEEN","ACTIVE","NOTE","RAW"
        1,"plain",1.50,"2024-02-29","2024-03-01 12:30:00","true","","00ff"
        2,"comma, ""quote\"\"\",,,,"false",,
        """, Files.readString(out));
  }

  @Test
  void exportedFileImportsBackUnchanged() throws IOException {
    query("INSERT INTO items VALUES (1, 'plain', 1.5, DATE '2024-02-29', NULL, true, '', X'00ff'),"
        + " (2, 'line\nbreak', -0.01, NULL, NULL, NULL, NULL, X'')");
    Path first = dir.resolve("first.csv");
    assertEquals(0, Cli.run("export", db, "SELECT * FROM items ORDER BY id", first.toString())
        .exit());
    query("DELETE FROM items");
    Cli.Result imported = Cli.run("import", db, "items", first.toString());
    assertEquals(0, imported.exit(), imported.toString());
    assertTrue(imported.out().startsWith("imported 2 rows into items"), imported.out());
    Path second = dir.resolve("second.csv");
    assertEquals(0, Cli.run("export", db, "SELECT * FROM items ORDER BY id", second.toString())
        .exit());
    assertEquals(Files.readString(first), Files.readString(second));
  }

  @Test
  void badValueIsReportedWithItsLineAndColumnAndNothingIsImported() throws IOException {
    Path csv = write("bad.csv", "id,name,price\n1,apple,1.50\n2,\"multi\nline\",2\n3,cherry,abc\n");
    Cli.Result r = Cli.run("import", db, "items", csv.toString());
    assertEquals(1, r.exit(), r.toString());
    assertEquals("ERROR: " + csv + " line 5, column 3 (PRICE): cannot convert 'abc' to "
        + "DECIMAL(6,2); nothing was imported\n", r.err());
    assertTrue(query("SELECT COUNT(*) AS n FROM items").contains("\n 0\n"));
  }

  @Test
  void batchesCommitTheRowsBeforeTheFailure() throws IOException {
    Path csv = write("batch.csv", "id,name\n1,a\n2,b\n3,c\n4,d\n5,e\n1,duplicate\n7,g\n");
    Cli.Result r = Cli.run("import", db, "items", csv.toString(), "--batch", "2");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR: " + csv + " line 7: ERROR [23505]: "), r.err());
    assertTrue(r.err().endsWith("; the 4 rows before it are committed (--batch), the rest rolled "
        + "back\n"), r.err());
    assertTrue(query("SELECT COUNT(*) AS n FROM items").contains("\n 4\n"));
  }

  @Test
  void headerMapsColumnsByNameAndMissingColumnsGetDefaults() throws IOException {
    Path csv = write("named.csv", "Price,ID,name,active\n2.5,10,pear,yes\n,11,fig,0\n");
    assertEquals(0, Cli.run("import", db, "ITEMS", csv.toString()).exit());
    assertEquals("""
         ID | NAME | PRICE | ACTIVE | NOTE
        ----+------+-------+--------+------
         10 | pear |  2.50 | true   | none
         11 | fig  |  NULL | false  | none
        (2 rows)
        """, query("SELECT id, name, price, active, note FROM items ORDER BY id"));
  }

  @Test
  void withoutHeaderFieldsGoToColumnsInOrder() throws IOException {
    Path csv = write("plain.csv", "1;one;;;;t;x;ab\n");
    Cli.Result r = Cli.run("import", db, "items", csv.toString(), "--no-header",
        "--delimiter", ";");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(query("SELECT name, note, raw FROM items").contains(" one  | x    | ab\n"));
  }

  @Test
  void unknownHeaderColumnOrTableIsExplained() throws IOException {
    Path csv = write("unknown.csv", "id,colour\n1,red\n");
    Cli.Result r = Cli.run("import", db, "items", csv.toString());
    assertEquals(1, r.exit());
    assertTrue(r.err().contains("line 1, column 2: 'colour' is not a column of ITEMS (its columns:"
        + " ID, NAME, PRICE, ADDED, SEEN, ACTIVE, NOTE, RAW)"), r.err());
    Cli.Result missing = Cli.run("import", db, "nosuch", csv.toString());
    assertEquals(1, missing.exit());
    assertTrue(missing.err().contains("no table named nosuch (--create makes one from the CSV "
        + "header)"), missing.err());
  }

  @Test
  void createMakesTheTableFromTheHeader() throws IOException {
    Path csv = write("new.csv", "city,\"zip code\"\nOslo,0150\nBergen,5003\n");
    String fresh = dir.resolve("fresh.db").toString();
    Cli.Result r = Cli.run("import", fresh, "places", csv.toString(), "--create");
    assertEquals(0, r.exit(), r.toString());
    Cli.Result described = Cli.run("shell", fresh, "-c",
        "\\d places\nSELECT city, \"zip code\" FROM places ORDER BY city;");
    assertTrue(described.out().contains(" CITY     | VARCHAR |"), described.out());
    assertTrue(described.out().contains(" zip code | VARCHAR |"), described.out());
    assertTrue(described.out().contains(" Bergen | 5003\n Oslo   | 0150\n"), described.out());
  }

  @Test
  void progressBarOnlyWhenStderrIsATerminal() throws IOException {
    StringBuilder csv = new StringBuilder("id,name\n");
    for (int i = 1; i <= 500; i++) {
      csv.append(i).append(",n").append(i).append('\n');
    }
    Path file = write("many.csv", csv.toString());
    Cli.Result quiet = Cli.run("import", db, "items", file.toString());
    assertEquals("", quiet.err());
    query("DELETE FROM items");
    Cli.Result shown = Cli.runWithInput("", true, "import", db, "items", file.toString());
    assertEquals(0, shown.exit(), shown.toString());
    assertTrue(shown.err().startsWith("\rimporting ["), shown.err());
    assertTrue(shown.err().endsWith("\r\u001b[K"), "the bar is erased at the end");
    query("DELETE FROM items");
    // On one terminal, stdout and stderr together: only the result line is left.
    assertTrue(Cli.runOnTerminal("import", db, "items", file.toString())
        .matches("imported 500 rows into items from .* in [0-9.]+ s\n"));
  }

  @Test
  void stdinAndStdoutStandInForFiles() {
    Cli.Result in = Cli.runWithInput("id,name\n7,seven\n", false, "import", db, "items", "-");
    assertEquals(0, in.exit(), in.toString());
    Cli.Result out = Cli.run("export", db, "SELECT id, name, note FROM items", "-",
        "--no-header", "--null", "NULL");
    assertEquals(0, out.exit(), out.toString());
    assertEquals("7,\"seven\",\"none\"\n", out.out());
  }

  @Test
  void smallDecimalsExportWithoutExponent() {
    Cli.Result r = Cli.run("export", db, "SELECT CAST(0.0000001 AS DECIMAL(12,8)) AS tiny"
        + " FROM items", "-");
    assertEquals(0, r.exit(), r.toString());
    query("INSERT INTO items (id, name) VALUES (1, 'x')");
    Cli.Result one = Cli.run("export", db, "SELECT CAST(0.0000001 AS DECIMAL(12,8)) AS tiny"
        + " FROM items", "-");
    assertEquals("\"TINY\"\n0.00000010\n", one.out());
  }

  @Test
  void failedExportLeavesNoFile() throws IOException {
    Path out = dir.resolve("never.csv");
    Cli.Result r = Cli.run("export", db, "SELECT nope FROM items", out.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR [42S22]: "), r.err());
    assertFalse(Files.exists(out));
    try (var files = Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().contains("partial")));
    }
  }
}
