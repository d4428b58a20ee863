package dev.ferrite.sqltests.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A seed must replay the same cases (the known-differences list depends on it), and the reducer's
 * candidates must keep the invariants the oracles rely on.
 */
class GeneratorTest {
  @Test void aSeedReplaysTheSameDatabasesAndQueries() {
    assertEquals(cases(7), cases(7));
    assertNotEquals(cases(7), cases(8));
  }

  @Test void shrinkingKeepsOrderTotalAndGroupingKeysOnColumns() {
    Dice dice = new Dice(3);
    for (int d = 0; d < 20; d++) {
      DatabaseSpec db = new SchemaGenerator(dice).database();
      QueryGenerator generator = new QueryGenerator(dice, db);
      for (int q = 0; q < 20; q++) {
        for (Check smaller : generator.next().shrink()) {
          if (smaller instanceof DifferentialCheck c && c.query() instanceof Select s) {
            assertTrue(s.orderBy().isEmpty() || s.orderBy().size() == s.width(), s.sql());
            assertTrue(s.limit() == null || !s.orderBy().isEmpty(), s.sql());
            assertTrue(s.groupBy().stream().allMatch(Shrinker::hasColumn), s.sql());
          }
        }
      }
    }
  }

  private static List<String> cases(long seed) {
    Dice dice = new Dice(seed);
    List<String> out = new ArrayList<>();
    for (int d = 0; d < 5; d++) {
      DatabaseSpec db = new SchemaGenerator(dice).database();
      out.addAll(db.script());
      QueryGenerator generator = new QueryGenerator(dice, db);
      for (int q = 0; q < 50; q++) {
        out.add(generator.next().sql());
      }
    }
    return out;
  }
}
