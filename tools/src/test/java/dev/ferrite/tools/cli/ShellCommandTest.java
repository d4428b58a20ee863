package dev.ferrite.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferrite shell} run non-interactively: -c, -f, piped stdin, errors and exit statuses. */
class ShellCommandTest {
  @TempDir
  Path dir;

  private String db() {
    return dir.resolve("test.db").toString();
  }

  @Test
  void commandRunsStatementsAndPrintsAlignedTables() {
    Cli.Result r = Cli.run("shell", db(), "-c",
        "CREATE TABLE fruit (id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, price DECIMAL(6,2));"
            + "INSERT INTO fruit VALUES (1, 'apple', 1.5), (2, 'banana', NULL), (3, 'cherry', 12.25);"
            + "SELECT * FROM fruit ORDER BY id");
    assertEquals(0, r.exit(), r.toString());
    assertEquals("""
        CREATE TABLE
        INSERT 3
         ID | NAME   | PRICE
        ----+--------+-------
          1 | apple  |  1.50
          2 | banana |  NULL
          3 | cherry | 12.25
        (3 rows)
        """, r.out());
    assertEquals("", r.err());
  }

  @Test
  void commandErrorExitsOneWithSqlStateAndCaret() {
    Cli.run("shell", db(), "-c", "CREATE TABLE t (a INTEGER)");
    Cli.Result r = Cli.run("shell", db(), "-c", "SELECT a,\n  nope FROM t");
    assertEquals(1, r.exit(), r.toString());
    assertEquals("""
        ERROR [42S22]: Column 'NOPE' not found in any table (line 2, column 3)
            nope FROM t
            ^
        """, r.err());
  }

  @Test
  void scriptProducesExpectedOutput() throws IOException {
    Path script = dir.resolve("load.sql");
    Files.writeString(script, """
        -- a comment; with a semicolon
        CREATE TABLE item (
          id INTEGER PRIMARY KEY,
          label VARCHAR(30) NOT NULL DEFAULT 'none',   /* a block; comment */
          qty INTEGER
        );
        CREATE INDEX item_qty ON item (qty DESC);
        INSERT INTO item (id, label, qty) VALUES (1, 'semi;colon', 5), (2, 'it''s', NULL);
        INSERT INTO item (id, qty) VALUES (3, 7);
        \\d
        \\d item
        \\di
        SELECT label, qty FROM item WHERE qty IS NOT NULL ORDER BY id;
        UPDATE item SET qty = qty + 1 WHERE qty > 5;
        DELETE FROM item WHERE id = 2
        """);
    Cli.Result r = Cli.run("shell", db(), "-f", script.toString());
    assertEquals(0, r.exit(), r.toString());
    assertEquals("""
        CREATE TABLE
        CREATE INDEX
        INSERT 2
        INSERT 1
         Name | Type
        ------+-------
         ITEM | table
        (1 row)
        Table "ITEM"
         Column | Type        | Nullable | Default
        --------+-------------+----------+---------
         ID     | INTEGER     | not null |
         LABEL  | VARCHAR(30) | not null | 'none'
         QTY    | INTEGER     |          |
        Primary key: ITEM_PK (ID)
        Indexes:
          ITEM_QTY (QTY DESC)
         Index    | Table | Kind        | Columns
        ----------+-------+-------------+----------
         ITEM_PK  | ITEM  | primary key | ID
         ITEM_QTY | ITEM  |             | QTY DESC
        (2 rows)
         LABEL      | QTY
        ------------+-----
         semi;colon |   5
         none       |   7
        (2 rows)
        UPDATE 1
        DELETE 1
        """, r.out());
  }

  @Test
  void scriptStopsAtFirstErrorWithFileLineAndColumn() throws IOException {
    Path script = dir.resolve("bad.sql");
    Files.writeString(script, """
        CREATE TABLE t (a INTEGER PRIMARY KEY);
        INSERT INTO t VALUES (1);

          SELECT a FROM t WHERE
            b = 1;
        INSERT INTO t VALUES (2);
        """);
    Cli.Result r = Cli.run("shell", db(), "-f", script.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR [42S22]: Column 'B' not found in any table"), r.err());
    assertTrue(r.err().contains("  at " + script + ":5:5\n"), r.err());
    // The statement after the error did not run.
    Cli.Result count = Cli.run("shell", db(), "-c", "SELECT COUNT(*) AS n FROM t");
    assertTrue(count.out().contains("\n 1\n"), count.toString());
  }

  @Test
  void constraintErrorInScriptNamesTheStatementLine() throws IOException {
    Path script = dir.resolve("dup.sql");
    Files.writeString(script, "CREATE TABLE t (a INTEGER PRIMARY KEY);\n"
        + "INSERT INTO t VALUES (1);\nINSERT INTO t VALUES (1);\n");
    Cli.Result r = Cli.run("shell", db(), "-f", script.toString());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR [23505]: "), r.err());
    assertTrue(r.err().contains("  at " + script + ":3\n"), r.err());
  }

  @Test
  void pipedStdinRunsAsAScript() {
    Cli.Result r = Cli.runWithInput("CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (1);\n"
        + "SELECT a FROM t;\nSELECT broken FROM t;\nSELECT 2;\n", false, "shell", db());
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.out().endsWith(" A\n---\n 1\n(1 row)\n"), r.out());
    assertTrue(r.err().contains("ERROR [42S22]") && r.err().contains("at stdin:4:8"), r.err());
  }

  @Test
  void includeRunsAnotherScriptAndTimingPrintsTimes() throws IOException {
    Path inner = dir.resolve("inner.sql");
    Files.writeString(inner, "CREATE TABLE t (a INTEGER);\nINSERT INTO t VALUES (42);\n");
    Cli.Result r = Cli.run("shell", db(), "-c",
        "\\i " + inner + "\n\\timing\nSELECT a FROM t;\n\\timing off\nSELECT a FROM t;");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().matches("(?s)CREATE TABLE\nINSERT 1\nTiming is on\\.\n A\n----\n 42\n"
        + "\\(1 row\\)\nTime: [0-9.]+ ms\nTiming is off\\.\n A\n----\n 42\n\\(1 row\\)\n"), r.out());
  }

  @Test
  void explainRunsAsAQuery() {
    Cli.run("shell", db(), "-c", "CREATE TABLE t (a INTEGER PRIMARY KEY, b INTEGER);"
        + "INSERT INTO t VALUES (1, 10), (2, 20), (3, 30)");
    Cli.Result r = Cli.run("shell", db(), "-c", "EXPLAIN SELECT b FROM t WHERE a = 1");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith(" PLAN\n---"), r.out());
    assertTrue(r.out().contains("index=T_PK"), r.out());
    assertTrue(r.out().endsWith("(2 rows)\n"), r.out());
  }

  @Test
  void transactionsSpanStatements() {
    Cli.Result r = Cli.run("shell", db(), "-c", "CREATE TABLE t (a INTEGER); BEGIN;"
        + " INSERT INTO t VALUES (1); ROLLBACK; SELECT COUNT(*) AS n FROM t");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("CREATE TABLE\nBEGIN\nINSERT 1\nROLLBACK\n N\n---\n 0\n"),
        r.out());
  }

  @Test
  void metaCommandErrorsFailTheScript() {
    Cli.Result r = Cli.run("shell", db(), "-c", "\\d nosuchtable");
    assertEquals(1, r.exit(), r.toString());
    assertEquals("ERROR: no table or view named nosuchtable\n", r.err());
    Cli.Result unknown = Cli.run("shell", db(), "-c", "\\frobnicate");
    assertEquals(1, unknown.exit());
    assertTrue(unknown.err().contains("unknown command \\frobnicate"), unknown.err());
  }

  @Test
  void quitStopsTheScript() {
    Cli.Result r = Cli.run("shell", db(), "-c", "SELECT 1 AS x;\n\\q\nSELECT nope;");
    assertEquals(0, r.exit(), r.toString());
    assertEquals(" X\n---\n 1\n(1 row)\n", r.out());
  }

  @Test
  void connectionOptionsReachTheDriver() {
    Cli.Result good = Cli.run("shell", db(), "-o", "durability=none", "-c", "SELECT 1 AS x");
    assertEquals(0, good.exit(), good.toString());
    Cli.Result bad = Cli.run("shell", db(), "--option", "durabilty=page", "-c", "SELECT 1");
    assertEquals(1, bad.exit(), bad.toString());
    assertTrue(bad.err().startsWith("ERROR [HY024]: unknown option 'durabilty'"), bad.err());
  }

  @Test
  void inMemoryDatabaseNeedsNoFile() {
    Cli.Result r = Cli.run("shell", "mem:scratch", "-c",
        "CREATE TABLE t (a INTEGER); INSERT INTO t VALUES (5); SELECT a FROM t");
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().endsWith(" 5\n(1 row)\n"), r.out());
  }

  @Test
  void foreignFileAndMissingScriptFailCleanly() throws IOException {
    Path foreign = dir.resolve("photo.jpg");
    Files.write(foreign, new byte[8192]);
    Files.write(foreign, "JFIF not a database".getBytes(), java.nio.file.StandardOpenOption.WRITE);
    Cli.Result r = Cli.run("shell", foreign.toString(), "-c", "SELECT 1");
    assertEquals(1, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR [08001]: cannot open database"), r.err());
    assertTrue(r.err().contains("not a Ferrite database"), r.err());
    assertFalse(r.err().contains("\tat "), "no stack trace: " + r.err());

    Cli.Result missing = Cli.run("shell", db(), "-f", dir.resolve("nope.sql").toString());
    assertEquals(1, missing.exit(), missing.toString());
    assertEquals("ERROR: no such file: " + dir.resolve("nope.sql") + "\n", missing.err());
  }

  @Test
  void usageErrorsExit64() {
    Cli.Result r = Cli.run("shell", db(), "-c", "SELECT 1", "-f", "x.sql");
    assertEquals(64, r.exit(), r.toString());
    assertTrue(r.err().contains("mutually exclusive"), r.err());
    assertEquals(64, Cli.run().exit());
    assertEquals(64, Cli.run("frobnicate").exit());
  }

  @Test
  void everySubcommandHasHelp() {
    for (String command : new String[] {"shell", "info", "verify", "backup", "import", "export",
        "probe"}) {
      Cli.Result r = Cli.run(command, "--help");
      assertEquals(0, r.exit(), r.toString());
      assertTrue(r.out().startsWith("Usage: ferrite " + command), r.out());
    }
  }
}
