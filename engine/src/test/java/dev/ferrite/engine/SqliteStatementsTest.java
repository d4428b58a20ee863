package dev.ferrite.engine;

import static dev.ferrite.engine.EngineFixture.error;
import static dev.ferrite.engine.EngineFixture.rows;
import static dev.ferrite.engine.EngineFixture.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SQLite statements beyond the standard: REINDEX, INSERT OR REPLACE / REPLACE INTO, INSERT OR
 * IGNORE, and an UPDATE assigning one column twice. Run on a real file, reopened where the
 * result must have been stored.
 */
class SqliteStatementsTest {
  @TempDir Path dir;
  Database db;
  Session s;

  @BeforeEach void setUp() {
    db = Database.open(dir.resolve("s.db").toString(), DatabaseOptions.defaults());
    s = db.openSession();
  }

  @AfterEach void tearDown() {
    s.close();
    db.close();
  }

  private void reopen() {
    s.close();
    db.close();
    setUp();
  }

  @Test void reindexRebuildsIndexesWithTheSameContents() {
    update(s, "CREATE TABLE t(id INTEGER PRIMARY KEY, a INTEGER, b VARCHAR(10) UNIQUE)");
    update(s, "CREATE INDEX t_a ON t(a DESC)");
    update(s, "CREATE TABLE u(x INTEGER)");
    update(s, "CREATE INDEX u_x ON u(x)");
    for (int i = 0; i < 200; i++) {
      update(s, "INSERT INTO t VALUES (?, ?, ?)", i, i % 7, i % 3 == 0 ? null : "b" + i);
      update(s, "INSERT INTO u VALUES (?)", i % 5);
    }
    String byA = "SELECT id, a FROM t WHERE a BETWEEN 2 AND 4 ORDER BY a DESC, id";
    String byB = "SELECT id FROM t WHERE b = 'b100'";
    String byX = "SELECT COUNT(*) FROM u WHERE x = 3";
    List<String> a = rows(s, byA);
    List<String> b = rows(s, byB);
    List<String> x = rows(s, byX);
    update(s, "REINDEX t_a");
    assertEquals(a, rows(s, byA));
    update(s, "REINDEX t");
    assertEquals(b, rows(s, byB));
    update(s, "REINDEX");
    reopen();
    assertEquals(a, rows(s, byA));
    assertEquals(b, rows(s, byB));
    assertEquals(x, rows(s, byX));
    assertEquals(List.of("40"), x);
    assertEquals("23505", error(s, "INSERT INTO t VALUES (500, 1, 'b100')"), "the rebuilt unique index still guards");
    assertEquals("42S12", error(s, "REINDEX nosuch"));
    s.setAutoCommit(false);
    update(s, "REINDEX u");
    update(s, "INSERT INTO u VALUES (3)");
    s.rollback();
    assertEquals(x, rows(s, byX));
  }

  @Test void replaceDeletesTheRowsANewRowConflictsWith() {
    update(s, "CREATE TABLE t(id INTEGER PRIMARY KEY, code VARCHAR(5) UNIQUE, v VARCHAR(20))");
    update(s, "INSERT INTO t VALUES (1, 'a', 'one'), (2, 'b', 'two'), (3, 'c', 'three')");
    assertEquals(1, update(s, "INSERT OR REPLACE INTO t VALUES (1, 'a', 'uno')"), "same key: replaced");
    assertEquals(1, update(s, "REPLACE INTO t VALUES (4, 'b', 'dos')"), "UNIQUE conflict: row 2 goes");
    assertEquals(1, update(s, "REPLACE INTO t(id, code, v) VALUES (3, 'a', 'both')"),
        "conflicts with row 3 on the key and row 1 on code: both go");
    assertEquals(2, update(s, "REPLACE INTO t VALUES (7, 'x', 'first'), (7, 'y', 'second')"),
        "a later row of the statement replaces an earlier one");
    reopen();
    assertEquals(List.of("3,a,both", "4,b,dos", "7,y,second"), rows(s, "SELECT * FROM t ORDER BY id"));
    assertEquals(List.of("4"), rows(s, "SELECT id FROM t WHERE code = 'b'"), "the index was kept in step");
    assertEquals(List.of(), rows(s, "SELECT id FROM t WHERE code = 'x'"));
  }

  @Test void replaceOnATableWithoutPrimaryKeyUsesItsUniqueIndexes() {
    update(s, "CREATE TABLE t(k INTEGER, v VARCHAR(5))");
    update(s, "CREATE UNIQUE INDEX t_k ON t(k)");
    update(s, "INSERT INTO t VALUES (1, 'a'), (NULL, 'n')");
    update(s, "REPLACE INTO t VALUES (1, 'b'), (NULL, 'm')");
    assertEquals(List.of("null,m", "null,n", "1,b"), rows(s, "SELECT k, v FROM t ORDER BY k, v"),
        "NULLs never conflict");
  }

  @Test void insertOrIgnoreSkipsConflictingRows() {
    update(s, "CREATE TABLE t(id INTEGER PRIMARY KEY, code VARCHAR(5) UNIQUE, n INTEGER NOT NULL)");
    update(s, "INSERT INTO t VALUES (1, 'a', 1)");
    assertEquals(1, update(s, "INSERT OR IGNORE INTO t VALUES (1, 'z', 9), (2, 'a', 9), (3, 'c', NULL),"
        + " (4, 'd', 4), (5, 'd', 5)"));
    assertEquals(List.of("1,a,1", "4,d,4"), rows(s, "SELECT * FROM t ORDER BY id"));
    assertEquals(1, update(s, "INSERT OR IGNORE INTO t SELECT id + 10, code || 'x', n FROM t WHERE id = 4"));
  }

  @Test void replaceGivesANullInANotNullColumnItsDefault() {
    update(s, "CREATE TABLE t(id INTEGER PRIMARY KEY, n INTEGER NOT NULL DEFAULT 42, m INTEGER NOT NULL)");
    update(s, "REPLACE INTO t VALUES (1, NULL, 1)");
    assertEquals(List.of("1,42,1"), rows(s, "SELECT * FROM t"));
    assertEquals("23502", error(s, "REPLACE INTO t VALUES (2, 1, NULL)"), "no default: fails as without REPLACE");
    assertEquals("23505", error(s, "INSERT INTO t VALUES (1, 1, 1)"), "plain INSERT still fails on conflicts");
  }

  @Test void anUpdateAssigningAColumnTwiceKeepsTheRightmost() {
    update(s, "CREATE TABLE t(id INTEGER PRIMARY KEY, x INTEGER, y VARCHAR(5))");
    update(s, "INSERT INTO t VALUES (1, 0, 'a'), (2, 0, 'b')");
    assertEquals(2, update(s, "UPDATE t SET x = 3, y = 'c', X = 4, x = x + 5"));
    assertEquals(List.of("1,5,c", "2,5,c"), rows(s, "SELECT * FROM t ORDER BY id"));
    // Same template, other literals: the plan cache must not reuse the first plan's assignments.
    update(s, "UPDATE t SET x = 7, x = 8 WHERE id = 1");
    update(s, "UPDATE t SET x = 9, x = 10 WHERE id = 2");
    assertEquals(List.of("1,8", "2,10"), rows(s, "SELECT id, x FROM t ORDER BY id"));
    assertEquals(null, error(s, "UPDATE t SET x = 1 / 0, x = 1"), "an overridden expression is never evaluated");
    assertEquals("42000", error(s, "UPDATE t SET nosuch = 1, x = 2"), "other errors stay");
  }
}
