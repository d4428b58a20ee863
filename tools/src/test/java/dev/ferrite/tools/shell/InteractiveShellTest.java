package dev.ferrite.tools.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interactive shell used as a person uses it: keystrokes (Enter, Tab, Ctrl-C, arrows) into
 * a JLine terminal, waiting for the screen between them. Runs the real command line.
 */
class InteractiveShellTest {
  private static final String ENTER = "\r";
  private static final String TAB = "\t";
  private static final String CTRL_C = "\u0003";
  private static final String CTRL_D = "\u0004";
  /** What xterm sends for the up arrow in keypad mode, where JLine puts it. */
  private static final String UP = "\u001bOA";

  @TempDir
  Path dir;

  private TerminalSession open() throws Exception {
    TerminalSession shell = new TerminalSession(dir.resolve("i.db"), dir.resolve("history"));
    shell.await("i.db>");
    return shell;
  }

  @Test
  void multiLineStatementsCompletionAndMetaCommands() throws Exception {
    try (TerminalSession shell = open()) {
      shell.type("CREATE TABLE fruit (id INTEGER PRIMARY KEY," + ENTER).await("   ->")
          .type("  name VARCHAR(20));" + ENTER).await("CREATE TABLE\n")
          .type("INSERT INTO fruit VALUES (1, 'apple'), (2, 'banana');" + ENTER)
          .await("INSERT 2\n")
          // Tab completes the table name; the statement goes on over a second line.
          .type("SELECT name FROM fru" + TAB).await("FROM fruit")
          .type("WHERE id > 0" + ENTER + "ORDER BY id;" + ENTER).await("(2 rows)\n")
          .type("\\d fruit" + ENTER).await("Primary key")
          .type("\\q" + ENTER);
      assertEquals(0, shell.exitStatus());
      String screen = shell.screen();
      assertTrue(screen.contains("i.db> CREATE TABLE fruit (id INTEGER PRIMARY KEY,\n"
          + "   ->   name VARCHAR(20));\nCREATE TABLE\n"), screen);
      assertTrue(screen.contains("SELECT name FROM fruit WHERE id > 0\n   -> ORDER BY id;\n"
          + " NAME\n--------\n apple\n banana\n(2 rows)\n"), screen);
      assertTrue(screen.contains("Table \"FRUIT\"\n Column | Type        | Nullable | Default\n"),
          screen);
    }
  }

  @Test
  void completionOffersColumnsOfATable() throws Exception {
    try (TerminalSession shell = open()) {
      shell.type("CREATE TABLE inventory (item_id INTEGER, total_amount DECIMAL(8,2));" + ENTER)
          .await("CREATE TABLE\n")
          .type("INSERT INTO inventory VALUES (1, 9.5);" + ENTER).await("INSERT 1\n")
          .type("SELECT inventory.tot" + TAB).await("inventory.total_amount")
          .type("FROM inv" + TAB).await("FROM inventory")
          .type(";" + ENTER).await("(1 row)\n")
          // Several candidates: Tab inserts their common prefix and lists them.
          .type("SELECT it" + TAB).await("item_id")
          .type(CTRL_C).await("i.db>", 5).type(CTRL_D);
      assertEquals(0, shell.exitStatus());
      assertTrue(shell.screen().contains(" TOTAL_AMOUNT\n--------------\n         9.50\n"),
          shell.screen());
    }
  }

  @Test
  void ctrlCDiscardsTheLineAndErrorsDoNotEndTheSession() throws Exception {
    try (TerminalSession shell = open()) {
      // Ctrl-C is a signal, handled asynchronously: a person sees the fresh prompt before
      // typing on, and so does the test.
      shell.type("SELECT half typed").await("half typed")
          .type(CTRL_C).await("i.db>", 2)
          .type("SELECT nope FROM nowhere;" + ENTER).await("ERROR [42S02]")
          .type("SELECT 40 + 2 AS answer;" + ENTER).await("(1 row)\n")
          .type("exit" + ENTER);
      assertEquals(0, shell.exitStatus());
      String screen = shell.screen();
      assertFalse(screen.contains("HALF"), screen);
      assertTrue(screen.contains(" ANSWER\n--------\n     42\n(1 row)\n"), screen);
    }
  }

  @Test
  void ctrlCCancelsTheRunningStatement() throws Exception {
    StringBuilder values = new StringBuilder("INSERT INTO t VALUES (0)");
    for (int i = 1; i < 100; i++) {
      values.append(", (").append(i).append(')');
    }
    try (TerminalSession shell = open()) {
      shell.type("CREATE TABLE t (a INTEGER PRIMARY KEY);" + ENTER).await("CREATE TABLE\n")
          .type(values + ";" + ENTER).await("INSERT 100\n")
          // 100^4 rows to count: minutes, unless cancelled.
          .type("SELECT COUNT(*) FROM t w, t x, t y, t z;" + ENTER);
      Thread.sleep(1000);
      shell.type(CTRL_C).await("ERROR [57014]")
          .type("SELECT 2 AS two;" + ENTER).await("(1 row)\n")
          .type("\\q" + ENTER);
      assertEquals(0, shell.exitStatus());
    }
  }

  @Test
  void historyIsKeptAcrossSessions() throws Exception {
    try (TerminalSession shell = open()) {
      shell.type("CREATE TABLE t (a INTEGER);" + ENTER).await("CREATE TABLE\n")
          .type("INSERT INTO t VALUES (7);" + ENTER).await("INSERT 1\n")
          .type("quit" + ENTER);
      assertEquals(0, shell.exitStatus());
    }
    assertTrue(Files.readString(dir.resolve("history")).contains("INSERT INTO t VALUES (7);"));
    try (TerminalSession shell = open()) {
      // Up arrow recalls the previous session's commands, newest first; Enter runs one again.
      shell.type(UP).await("i.db> quit").type(UP).await("INSERT INTO t VALUES (7);")
          .type(ENTER).await("INSERT 1\n")
          .type("SELECT COUNT(*) AS n FROM t;" + ENTER).await("(1 row)\n")
          .type("\\q" + ENTER);
      assertEquals(0, shell.exitStatus());
      assertTrue(shell.screen().contains(" N\n---\n 2\n(1 row)"), shell.screen());
    }
  }
}
