package dev.ferrite.tools.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scripts cut into statements and meta-commands, with the positions errors point to. */
class StatementSplitterTest {
  private static List<ScriptItem> split(String script) {
    StatementSplitter splitter = new StatementSplitter(new StringReader(script));
    List<ScriptItem> items = new ArrayList<>();
    for (ScriptItem item; (item = splitter.next()) != null; ) {
      items.add(item);
    }
    return items;
  }

  @Test
  void semicolonsInsideLiteralsIdentifiersAndCommentsDoNotSplit() {
    List<ScriptItem> items = split("SELECT 'a;b', \"c;d\" -- e;f\nFROM t /* g; */;"
        + "INSERT INTO t VALUES ('it''s;');");
    assertEquals(List.of(
        new ScriptItem(false, "SELECT 'a;b', \"c;d\" -- e;f\nFROM t /* g; */", 1, 1),
        new ScriptItem(false, "INSERT INTO t VALUES ('it''s;')", 2, 17)), items);
  }

  @Test
  void positionsSkipLeadingBlankLinesAndComments() {
    List<ScriptItem> items = split("\n\n  -- header\n  /* multi\n line */  SELECT 1;\n   SELECT 2;");
    assertEquals(new ScriptItem(false, "SELECT 1", 5, 11), items.get(0));
    assertEquals(new ScriptItem(false, "SELECT 2", 6, 4), items.get(1));
  }

  @Test
  void metaCommandLinesBetweenStatements() {
    List<ScriptItem> items = split("SELECT 1;\n  \\d t\n-- note\n\\timing on\nSELECT\n\\x\n;");
    assertEquals(new ScriptItem(true, "\\d t", 2, 3), items.get(1));
    assertEquals(new ScriptItem(true, "\\timing on", 4, 1), items.get(2));
    // Inside a statement a backslash line is part of the SQL (the engine will reject it).
    assertEquals(new ScriptItem(false, "SELECT\n\\x", 5, 1), items.get(3));
    assertEquals(4, items.size());
  }

  @Test
  void lastStatementNeedsNoSemicolonAndBlankTextGivesNothing() {
    assertEquals(List.of(new ScriptItem(false, "SELECT 1", 1, 1)), split("SELECT 1\n"));
    assertEquals(List.of(), split("  \n -- only a comment\n /* and; this */ ;;\n"));
  }

  @Test
  void aTriggerBodyEndsOnlyAtItsEnd() {
    List<ScriptItem> items = split("CREATE TRIGGER t1 AFTER UPDATE ON t BEGIN\n"
        + "  INSERT INTO log VALUES (CASE WHEN NEW.x > 0 THEN 'end;' ELSE \"END\" END);\n"
        + "  DELETE FROM q; -- end;\nEND;\n"
        + "SELECT 1; create temp trigger t2 delete on t begin select 1; end; SELECT case when 1 then 2 end;");
    assertEquals(List.of(
        new ScriptItem(false, "CREATE TRIGGER t1 AFTER UPDATE ON t BEGIN\n"
            + "  INSERT INTO log VALUES (CASE WHEN NEW.x > 0 THEN 'end;' ELSE \"END\" END);\n"
            + "  DELETE FROM q; -- end;\nEND", 1, 1),
        new ScriptItem(false, "SELECT 1", 5, 1),
        new ScriptItem(false, "create temp trigger t2 delete on t begin select 1; end", 5, 11),
        new ScriptItem(false, "SELECT case when 1 then 2 end", 5, 67)), items);
    assertFalse(StatementSplitter.isComplete("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1;"));
    assertTrue(StatementSplitter.isComplete("CREATE TRIGGER t AFTER INSERT ON x BEGIN SELECT 1; END;"));
    assertTrue(StatementSplitter.isComplete("CREATE TABLE trigger_log(x INTEGER); SELECT 1;"));
  }

  @Test
  void completenessAtThePrompt() {
    assertTrue(StatementSplitter.isComplete(""));
    assertTrue(StatementSplitter.isComplete("SELECT 1;"));
    assertTrue(StatementSplitter.isComplete("SELECT 1; -- done"));
    assertTrue(StatementSplitter.isComplete("\\d orders"));
    assertTrue(StatementSplitter.isComplete("SELECT 1;\nSELECT 2;"));
    assertFalse(StatementSplitter.isComplete("SELECT 1"));
    assertFalse(StatementSplitter.isComplete("SELECT 'a;"));
    assertFalse(StatementSplitter.isComplete("SELECT 1; SELECT 2"));
    assertFalse(StatementSplitter.isComplete("SELECT 1 /* ; */"));
    assertFalse(StatementSplitter.isComplete("SELECT 1; /* open"));
  }
}
