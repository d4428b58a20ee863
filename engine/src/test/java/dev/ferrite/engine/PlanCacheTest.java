package dev.ferrite.engine;

import static dev.ferrite.engine.EngineFixture.rows;
import static dev.ferrite.engine.EngineFixture.update;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.engine.session.TemplateCache;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statements that differ only in literals share one plan; other literals keep their meaning. */
class PlanCacheTest {
  @Test void literalsBecomeParametersAndPlansAreShared() {
    try (Database db = Database.open("mem:plancache", DatabaseOptions.defaults()); Session s = db.openSession()) {
      update(s, "CREATE TABLE t(id INTEGER PRIMARY KEY, name VARCHAR(10), score DECIMAL(5,2))");
      update(s, "INSERT INTO t VALUES (1, 'a', 1.50), (2, 'b', 2.25), (3, 'c', 3.00)");
      Prepared p1 = s.prepare("SELECT name FROM t WHERE id = 1");
      Prepared p2 = s.prepare("SELECT name FROM t WHERE id = 3");
      assertTrue(p1 instanceof TemplateCache.Bound);
      assertSame(((TemplateCache.Bound) p1).plan, ((TemplateCache.Bound) p2).plan);
      assertEquals(List.of("a"), rows(s, "SELECT name FROM t WHERE id = 1"));
      assertEquals(List.of("c"), rows(s, "SELECT name FROM t WHERE id = 3"));
      assertEquals(List.of("b"), rows(s, "SELECT name FROM t WHERE score = 2.25"));
      assertEquals(List.of("b", "c"), rows(s, "SELECT name FROM t WHERE name IN ('b', 'c') ORDER BY 1"));
      assertEquals(List.of("c,3", "b,2", "a,1"), rows(s, "SELECT name, id FROM t ORDER BY 2 DESC"));
      assertEquals(List.of("1,a", "2,b", "3,c"), rows(s, "SELECT id, name FROM t ORDER BY 2"));
      assertEquals(List.of("a"), rows(s, "SELECT name FROM t ORDER BY id LIMIT 1"));
      assertEquals(List.of("a", "b"), rows(s, "SELECT name FROM t ORDER BY id LIMIT 2"));
      assertEquals(List.of("11", "12", "13"), rows(s, "SELECT id + 10 FROM t ORDER BY 1"));
      update(s, "INSERT INTO t VALUES (4, 'it''s', 4)");
      assertEquals(List.of("it's"), rows(s, "SELECT name FROM t WHERE id = 4"));
      assertEquals(1, update(s, "UPDATE t SET name = 'z' WHERE id = 2"));
      assertEquals(List.of("z"), rows(s, "SELECT name FROM t WHERE id = 2"));
    }
  }
}
