package dev.ferrite.engine;

import static dev.ferrite.engine.EngineFixture.error;
import static dev.ferrite.engine.EngineFixture.rows;
import static dev.ferrite.engine.EngineFixture.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SELECT features over a real database file: filters, joins, aggregates, set operations, subqueries, views. */
class QueryFeaturesTest {
  @TempDir Path dir;
  Database db;
  Session s;

  @BeforeEach void setUp() {
    db = Database.open(dir.resolve("q.db").toString(), DatabaseOptions.defaults());
    s = db.openSession();
    update(s, "CREATE TABLE emp(id INTEGER PRIMARY KEY, name VARCHAR(20) NOT NULL, dept INTEGER, salary DECIMAL(10,2))");
    update(s, "CREATE TABLE dept(id INTEGER PRIMARY KEY, title VARCHAR(20))");
    update(s, "INSERT INTO dept VALUES (1, 'eng'), (2, 'ops'), (3, 'empty')");
    update(s, "INSERT INTO emp VALUES (1, 'ann', 1, 100.50), (2, 'bob', 1, 90), (3, 'cy', 2, 70), (4, 'dee', NULL, 60)");
  }

  @AfterEach void tearDown() {
    s.close();
    db.close();
  }

  @Test void filtersProjectionsAndOrder() {
    assertEquals(List.of("ann,100.50", "bob,90.00"),
        rows(s, "SELECT name, salary FROM emp WHERE dept = 1 ORDER BY salary DESC"));
    assertEquals(List.of("dee"), rows(s, "SELECT name FROM emp WHERE dept IS NULL"));
    assertEquals(List.of("cy", "dee"), rows(s, "SELECT name FROM emp WHERE salary < ? ORDER BY name", 80));
    assertEquals(List.of("bob", "cy"), rows(s, "SELECT name FROM emp ORDER BY id LIMIT 2 OFFSET 1"));
    assertEquals(List.of("1", "2"), rows(s, "SELECT DISTINCT dept FROM emp WHERE dept IS NOT NULL ORDER BY dept"));
    assertEquals(List.of("2"), rows(s, "SELECT COUNT(*) FROM emp WHERE name LIKE '%e%' OR name IN ('cy', 'zz')"));
  }

  @Test void joins() {
    assertEquals(List.of("ann,eng", "bob,eng", "cy,ops"),
        rows(s, "SELECT e.name, d.title FROM emp e JOIN dept d ON e.dept = d.id ORDER BY e.name"));
    assertEquals(List.of("ann,eng", "bob,eng", "cy,ops", "dee,null"),
        rows(s, "SELECT e.name, d.title FROM emp e LEFT JOIN dept d ON e.dept = d.id ORDER BY e.name"));
    assertEquals(List.of("null,empty"),
        rows(s, "SELECT e.name, d.title FROM emp e RIGHT JOIN dept d ON e.dept = d.id WHERE e.id IS NULL"));
    assertEquals(List.of("12"), rows(s, "SELECT COUNT(*) FROM emp, dept"));
    assertEquals(List.of("5"), rows(s, "SELECT COUNT(*) FROM emp e FULL JOIN dept d ON e.dept = d.id"));
  }

  @Test void isNotUnknownOnTheNullableSideOfAnOuterJoin() {
    // Under -ea Calcite's simplifier asserted while pushing this filter into the join.
    assertEquals(List.of("3"), rows(s,
        "SELECT COUNT(*) FROM dept d LEFT JOIN emp e ON e.dept = d.id WHERE (e.salary >= e.salary) IS NOT UNKNOWN"));
    assertEquals(List.of("4"), rows(s,
        "SELECT COUNT(*) FROM emp e RIGHT JOIN emp f ON e.id = f.id WHERE (e.name = e.name) IS NOT UNKNOWN"));
  }

  @Test void emptyInListsAreFalseAndNotInTrue() {
    assertEquals(List.of("1,false,true", "4,false,true"),
        rows(s, "SELECT id, salary IN (), dept NOT IN ( ) FROM emp WHERE id IN (1, 4) ORDER BY id"));
    assertEquals(List.of("4"), rows(s, "SELECT COUNT(*) FROM emp WHERE NOT dept IN () /* in () */"));
    assertEquals(List.of("x IN ()"), rows(s, "SELECT 'x IN ()' FROM emp WHERE id = 1 AND name not in()"));
    assertEquals("42000", error(s, "SELECT () FROM emp"));
  }

  @Test void manyTableJoinsAreReorderedToAvoidCrossProducts() {
    for (String t : new String[] {"ja", "jb", "jc", "jd"}) {
      update(s, "CREATE TABLE " + t + "(id INTEGER PRIMARY KEY, nxt INTEGER, label VARCHAR(10))");
      update(s, "INSERT INTO " + t + " VALUES (1, 2, '" + t + "1'), (2, 3, '" + t + "2'), (3, 1, '" + t + "3')");
    }
    // Written order: ja x jc has no condition between them.
    String sql = "SELECT ja.label, jb.label, jc.label, jd.label FROM ja, jc, jb, jd"
        + " WHERE ja.nxt = jb.id AND jb.nxt = jc.id AND jc.nxt = jd.id AND ja.id = 1";
    String plan = String.join("\n", rows(s, "EXPLAIN " + sql));
    assertTrue(!plan.contains("NestedLoopJoin"), plan);
    assertEquals(List.of("ja1,jb2,jc3,jd1"), rows(s, sql));
  }

  @Test void havingComparedWithATypedNull() {
    // Calcite's predicate pull-up failed on these ("Comparison with NULL in pulledUpPredicates").
    assertEquals(List.of(), rows(s,
        "SELECT DISTINCT CAST(NULL AS INTEGER) * dept FROM emp GROUP BY dept, salary HAVING NOT dept = (-CAST(NULL AS REAL))"));
    assertEquals(List.of(), rows(s,
        "SELECT DISTINCT 68 + dept FROM emp GROUP BY dept HAVING NOT 89 - CAST(NULL AS REAL) NOT IN (-35)"));
  }

  @Test void aggregates() {
    assertEquals(List.of("1,2,190.50", "2,1,70.00", "null,1,60.00"),
        rows(s, "SELECT dept, COUNT(*), SUM(salary) FROM emp GROUP BY dept ORDER BY dept NULLS LAST"));
    assertEquals(List.of("1"), rows(s, "SELECT dept FROM emp GROUP BY dept HAVING COUNT(*) > 1"));
    assertEquals(List.of("4,2,60.00,100.50"),
        rows(s, "SELECT COUNT(*), COUNT(DISTINCT dept), MIN(salary), MAX(salary) FROM emp"));
    assertEquals(List.of("0,null"), rows(s, "SELECT COUNT(*), SUM(id) FROM emp WHERE id > 100"));
    assertEquals(List.of("2.5"), rows(s, "SELECT AVG(id) FROM emp"));
  }

  @Test void subqueriesAndSetOperations() {
    assertEquals(List.of("ann"), rows(s, "SELECT name FROM emp WHERE salary = (SELECT MAX(salary) FROM emp)"));
    assertEquals(List.of("ann", "bob", "cy"),
        rows(s, "SELECT name FROM emp e WHERE EXISTS (SELECT 1 FROM dept d WHERE d.id = e.dept) ORDER BY name"));
    assertEquals(List.of("dee"),
        rows(s, "SELECT name FROM emp WHERE dept NOT IN (SELECT id FROM dept) OR dept IS NULL"));
    assertEquals(List.of("ann,2"),
        rows(s, "SELECT name, (SELECT COUNT(*) FROM emp x WHERE x.dept = e.dept) FROM emp e WHERE id = 1"));
    assertEquals(List.of("1", "2", "3"), rows(s, "SELECT dept FROM emp WHERE dept IS NOT NULL UNION SELECT id FROM dept ORDER BY 1"));
    assertEquals(List.of("1", "2"), rows(s, "SELECT dept FROM emp INTERSECT SELECT id FROM dept ORDER BY 1"));
    assertEquals(List.of("3"), rows(s, "SELECT id FROM dept EXCEPT SELECT dept FROM emp"));
    assertEquals(List.of("4"), rows(s, "SELECT COUNT(*) FROM (SELECT dept FROM emp UNION ALL SELECT 1) t WHERE dept = 1 OR dept IS NULL"));
  }

  @Test void expressions() {
    assertEquals(List.of("7,2,1,hi there,HI,3"),
        rows(s, "SELECT 3 + 4, 7 / 3, 7 % 3, 'hi' || ' there', UPPER('hi'), CHAR_LENGTH('abc')"));
    assertEquals(List.of("big"), rows(s, "SELECT CASE WHEN salary > 95 THEN 'big' ELSE 'small' END FROM emp WHERE id = 1"));
    assertEquals(List.of("42,2.5,x"), rows(s, "SELECT CAST('42' AS INTEGER), CAST(2.5 AS DOUBLE), COALESCE(NULL, 'x')"));
    assertEquals("22012", error(s, "SELECT 1 / (id - 1) FROM emp"));
    assertEquals(List.of("2026-01-02"), rows(s, "SELECT DATE '2026-01-02'"));
  }

  @Test void views() {
    update(s, "CREATE VIEW rich AS SELECT name, salary FROM emp WHERE salary > 80");
    assertEquals(List.of("ann", "bob"), rows(s, "SELECT name FROM rich ORDER BY name"));
    assertEquals("2BP01", error(s, "DROP TABLE emp"));
    update(s, "DROP TABLE emp CASCADE");
    assertEquals("42S02", error(s, "SELECT * FROM rich"));
  }

  @Test void explainShowsIndexUse() {
    update(s, "CREATE INDEX emp_dept ON emp(dept)");
    String plan = String.join("\n", rows(s, "EXPLAIN SELECT name FROM emp WHERE dept = ?"));
    assertTrue(plan.contains("IndexScan(EMP, index=EMP_DEPT"), plan);
    String point = String.join("\n", rows(s, "EXPLAIN SELECT name FROM emp WHERE id = ?"));
    assertTrue(point.contains("KeyLookup(EMP"), point);
    assertEquals(List.of("ann", "bob"), rows(s, "SELECT name FROM emp WHERE dept = ? ORDER BY name", 1));
    String sorted = String.join("\n", rows(s, "EXPLAIN SELECT id FROM emp ORDER BY id"));
    assertTrue(!sorted.contains("Sort("), sorted);
  }

  @Test void indexLookupJoinWhenTheOuterSideIsSmall() {
    update(s, "CREATE TABLE big(id INTEGER PRIMARY KEY, grp INTEGER, v VARCHAR(10))");
    for (int i = 0; i < 2000; i += 100) {
      StringBuilder sql = new StringBuilder("INSERT INTO big VALUES ");
      for (int k = i; k < i + 100; k++) {
        sql.append(k > i ? "," : "").append("(").append(k).append(",").append(k % 7).append(",'v").append(k).append("')");
      }
      update(s, sql.toString());
    }
    update(s, "CREATE INDEX big_grp ON big(grp)");
    String plan = String.join("\n", rows(s, "EXPLAIN SELECT e.name, b.v FROM emp e JOIN big b ON b.id = e.id * 10"));
    assertTrue(plan.contains("Correlate") && plan.contains("KeyLookup(BIG"), plan);
    assertEquals(List.of("ann,v10", "bob,v20", "cy,v30", "dee,v40"),
        rows(s, "SELECT e.name, b.v FROM emp e JOIN big b ON b.id = e.id * 10 ORDER BY e.name"));
    assertEquals(List.of("286"), rows(s, "SELECT COUNT(*) FROM dept d JOIN big b ON b.grp = d.id WHERE d.id = 2"));
    assertEquals(List.of("ann,null", "bob,null"),
        rows(s, "SELECT e.name, b.v FROM emp e LEFT JOIN big b ON b.id = e.id + 5000 WHERE e.dept = 1 ORDER BY 1"));
    assertEquals(List.of("3"), rows(s, "SELECT COUNT(*) FROM dept d WHERE EXISTS (SELECT 1 FROM big b WHERE b.grp = d.id)"));
  }

  @Test void errorsCarrySqlStateAndPosition() {
    assertEquals("42000", error(s, "SELEC 1"));
    assertEquals("42S02", error(s, "SELECT * FROM nope"));
    assertEquals("42S22", error(s, "SELECT nope FROM emp"));
    try {
      s.prepare("SELECT *\nFROM emp WHERE");
    } catch (EngineException e) {
      assertEquals(2, e.line());
      assertTrue(e.column() > 0);
    }
  }
}
