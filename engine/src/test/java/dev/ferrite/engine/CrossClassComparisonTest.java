package dev.ferrite.engine;

import static dev.ferrite.engine.EngineFixture.error;
import static dev.ferrite.engine.EngineFixture.rows;
import static dev.ferrite.engine.EngineFixture.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A binary string compared with a number, which standard SQL rejects, answers as in SQLite:
 * by storage class (numbers before binary strings), never equal, NULL staying NULL. Pairings
 * standard SQL accepts keep their meaning.
 */
class CrossClassComparisonTest {
  Database db;
  Session s;

  @BeforeEach void setUp() {
    db = Database.open("mem:cross-class", DatabaseOptions.defaults());
    s = db.openSession();
    update(s, "CREATE TABLE t(x INTEGER)");
  }

  @AfterEach void tearDown() {
    s.close();
    db.close();
  }

  @Test void inWithASubqueryOfNumbers() {
    String in = "SELECT x'303132' IN (SELECT * FROM t), x'303132' NOT IN (SELECT x AS y FROM t)";
    assertEquals(List.of("false,true"), rows(s, in), "empty set");
    update(s, "INSERT INTO t VALUES (12), (303132), (3158322)");
    assertEquals(List.of("false,true"), rows(s, in), "no number equals a binary string, whatever its bytes");
    update(s, "INSERT INTO t VALUES (NULL)");
    assertEquals(List.of("null,null"), rows(s, in), "no match and a NULL in the set: unknown");
    assertEquals(List.of("false"), rows(s, "SELECT CAST(NULL AS VARBINARY(3)) IN (SELECT x FROM t WHERE x < 0)"));
    assertEquals(List.of("null"), rows(s, "SELECT CAST(NULL AS VARBINARY(3)) IN (SELECT x FROM t)"));
  }

  @Test void comparisonsOrderNumbersBeforeBinaryStrings() {
    update(s, "INSERT INTO t VALUES (1), (NULL)");
    assertEquals(List.of("false,true,true,true,false,null"),
        rows(s, "SELECT x'01' = 1, x'01' <> 1, x'01' > 1, 1 < x'00', x'00' <= 99999, CAST(NULL AS BINARY(1)) = 1"));
    assertEquals(List.of("1"), rows(s, "SELECT x FROM t WHERE x < x'00'"));
    assertEquals(List.of(), rows(s, "SELECT x FROM t WHERE x = x'01' OR x IN (x'01', x'02')"));
    assertEquals(List.of("false,true"), rows(s, "SELECT x'3132' IN (12, 3132), x'3132' NOT IN (1.5, 2)"));
  }

  @Test void standardComparisonsAreUnchanged() {
    update(s, "INSERT INTO t VALUES (1), (2)");
    assertEquals(List.of("true,true,false,true"),
        rows(s, "SELECT '1' IN (SELECT x FROM t), x'0102' = x'0102', x'01' > x'02', 1 = 1.0"));
    assertEquals("42000", error(s, "SELECT x'01' BETWEEN 1 AND 2"), "only comparisons and IN are extended");
    assertEquals("42000", error(s, "SELECT x'01' IN (SELECT x FROM t UNION SELECT 5)"));
    assertEquals("42000", error(s, "SELECT DATE '2024-01-01' = 1"));
  }
}
