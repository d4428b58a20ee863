package dev.ferrite.engine;

import static dev.ferrite.engine.EngineFixture.rows;
import static dev.ferrite.engine.EngineFixture.update;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Joins of 40+ tables written as cross products in the FROM list with their equalities in
 * WHERE (the shape of SQLite's select5): the greedy join order must join every table through a
 * condition when the tables are connected, and the rows must be those the data was built to give.
 * Expected rows are computed here from the construction, not by the engine.
 */
class WideJoinTest {
  /** Chain tables w0..w44 with ids 1..5; {@code w_i.nxt} is a permutation of the ids. */
  private static final int CHAIN = 45;
  private static final int ROWS = 5;
  /** Star: hub h, spokes s0..s39. */
  private static final int SPOKES = 40;

  Database db;
  Session s;

  @BeforeEach void setUp() {
    db = Database.open("mem:wide-join", DatabaseOptions.defaults());
    s = db.openSession();
    for (int i = 0; i < CHAIN; i++) {
      update(s, "CREATE TABLE w" + i + "(id INTEGER PRIMARY KEY, nxt INTEGER, label VARCHAR(12))");
      StringBuilder insert = new StringBuilder("INSERT INTO w" + i + " VALUES ");
      for (int id = 1; id <= ROWS; id++) {
        insert.append(id > 1 ? ", " : "").append('(').append(id).append(", ").append(next(i, id))
            .append(", '").append(label(i, id)).append("')");
      }
      update(s, insert.toString());
    }
    update(s, "CREATE TABLE h(id INTEGER PRIMARY KEY, name VARCHAR(10))");
    update(s, "INSERT INTO h VALUES (1, 'one'), (2, 'two'), (3, 'three')");
    for (int i = 0; i < SPOKES; i++) {
      update(s, "CREATE TABLE s" + i + "(id INTEGER PRIMARY KEY, hub INTEGER, tag INTEGER)");
      update(s, "INSERT INTO s" + i + " VALUES (1, 1, " + i + "), (2, 2, " + i + "), (3, 3, " + i + ")"
          + (hasSecondTwo(i) ? ", (4, 2, " + i + ")" : ""));
    }
  }

  @AfterEach void tearDown() {
    s.close();
    db.close();
  }

  private static int next(int table, int id) {
    return ((id - 1) * 2 + table) % ROWS + 1;
  }

  private static String label(int table, int id) {
    return "w" + table + "r" + id;
  }

  /** Spokes with a second row for hub 2. */
  private static boolean hasSecondTwo(int spoke) {
    return spoke % 13 == 0;
  }

  /** The ids along the chain w_from..w_to starting at {@code id} in w_from. */
  private static int[] path(int from, int to, int id) {
    int[] ids = new int[CHAIN];
    ids[from] = id;
    for (int i = from; i < to; i++) {
      ids[i + 1] = next(i, ids[i]);
    }
    return ids;
  }

  /** FROM list of tables {@code prefix}from..to in a shuffled order. */
  private static String from(String prefix, int from, int to, Random random) {
    List<String> tables = new ArrayList<>();
    for (int i = from; i <= to; i++) {
      tables.add(prefix + i);
    }
    Collections.shuffle(tables, random);
    return String.join(", ", tables);
  }

  /** The chain's equalities w_i.nxt = w_{i+1}.id for i in [from, to), shuffled, operands on either side. */
  private static List<String> chainConditions(int from, int to, Random random) {
    List<String> conditions = new ArrayList<>();
    for (int i = from; i < to; i++) {
      conditions.add(i % 2 == 0 ? "w" + i + ".nxt = w" + (i + 1) + ".id" : "w" + (i + 1) + ".id = w" + i + ".nxt");
    }
    Collections.shuffle(conditions, random);
    return conditions;
  }

  private String explain(String sql) {
    return String.join("\n", rows(s, "EXPLAIN " + sql));
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** A join without a condition: a cross product. */
  private static final String CROSS = "NestedLoopJoin\\(INNER\\)";
  /** Any join operator of the physical plan. */
  private static final String JOIN = "HashJoin\\(|NestedLoopJoin\\(|Correlate\\(";

  @Test void chainOf45TablesWrittenAsCrossProducts() {
    Random random = new Random(5);
    for (int attempt = 0; attempt < 3; attempt++) {
      List<String> where = chainConditions(0, CHAIN - 1, random);
      where.add(random.nextInt(where.size()), "w0.id = 3");
      String sql = "SELECT w44.label, w0.label, w22.label, w7.id FROM " + from("w", 0, CHAIN - 1, random)
          + " WHERE " + String.join(" AND ", where);
      String plan = explain(sql);
      assertEquals(0, count(plan, CROSS), plan);
      assertEquals(CHAIN - 1, count(plan, JOIN), plan);
      int[] ids = path(0, CHAIN - 1, 3);
      assertEquals(List.of(label(44, ids[44]) + "," + label(0, 3) + "," + label(22, ids[22]) + "," + ids[7]),
          rows(s, sql));
    }
  }

  @Test void everyStartOfTheChain() {
    String sql = "SELECT w0.id, w44.id, w30.label FROM " + from("w", 0, CHAIN - 1, new Random(7))
        + " WHERE " + String.join(" AND ", chainConditions(0, CHAIN - 1, new Random(8))) + " ORDER BY w0.id";
    List<String> expected = new ArrayList<>();
    for (int id = 1; id <= ROWS; id++) {
      int[] ids = path(0, CHAIN - 1, id);
      expected.add(id + "," + ids[44] + "," + label(30, ids[30]));
    }
    assertEquals(0, count(explain(sql), CROSS));
    assertEquals(expected, rows(s, sql));
  }

  @Test void selectStarKeepsTheWrittenColumnOrder() {
    String sql = "SELECT * FROM w3, w1, w2, w0 WHERE w2.id = w1.nxt AND w0.nxt = w1.id AND w3.id = w2.nxt AND w0.id = 4";
    int[] ids = path(0, 3, 4);
    StringBuilder expected = new StringBuilder();
    for (int t : new int[] {3, 1, 2, 0}) {
      expected.append(expected.length() > 0 ? "," : "").append(ids[t]).append(',').append(next(t, ids[t]))
          .append(',').append(label(t, ids[t]));
    }
    assertEquals(List.of(expected.toString()), rows(s, sql));
  }

  /**
   * Correct rows with a filter and a condition over two spokes. (Calcite's rewrites alone also
   * connect a star written in any order, inferring spoke = spoke from spoke = hub = spoke.)
   */
  @Test void starOf40SpokesWithAFilterAndANonEquiCondition() {
    List<String> where = new ArrayList<>();
    for (int i = 0; i < SPOKES; i++) {
      where.add(i % 3 == 0 ? "h.id = s" + i + ".hub" : "s" + i + ".hub = h.id");
    }
    where.add("h.name = 'two'");
    where.add("s0.id <= s13.id");
    Collections.shuffle(where, new Random(11));
    String sql = "SELECT s39.id, s26.id, s13.id, s0.id, h.name, s5.tag FROM " + from("s", 0, SPOKES - 1, new Random(12))
        + ", h WHERE " + String.join(" AND ", where) + " ORDER BY 1, 2, 3, 4";
    String plan = explain(sql);
    assertEquals(0, count(plan, CROSS), plan);
    assertEquals(SPOKES, count(plan, JOIN), plan);
    // Hub 2's rows: id 2 in every spoke, and id 4 too in spokes 0, 13, 26, 39.
    List<String> expected = new ArrayList<>();
    int[] twos = {2, 4};
    for (int a : twos) {
      for (int b : twos) {
        for (int c : twos) {
          for (int d : twos) {
            if (d <= c) {
              expected.add(a + "," + b + "," + c + "," + d + ",two,5");
            }
          }
        }
      }
    }
    assertEquals(12, expected.size());
    assertEquals(expected, rows(s, sql));
  }

  @Test void twoUnconnectedChainsNeedExactlyOneCrossProduct() {
    List<String> where = chainConditions(0, 19, new Random(3));
    where.addAll(chainConditions(20, CHAIN - 1, new Random(4)));
    String sql = "SELECT COUNT(*), MIN(w19.label), MAX(w44.id) FROM " + from("w", 0, CHAIN - 1, new Random(9))
        + " WHERE " + String.join(" AND ", where);
    String plan = explain(sql);
    assertEquals(1, count(plan, CROSS), plan);
    int maxEnd = 0;
    String minLabel = null;
    for (int id = 1; id <= ROWS; id++) {
      maxEnd = Math.max(maxEnd, path(20, CHAIN - 1, id)[44]);
      String l = label(19, path(0, 19, id)[19]);
      minLabel = minLabel == null || l.compareTo(minLabel) < 0 ? l : minLabel;
    }
    assertEquals(List.of(ROWS * ROWS + "," + minLabel + "," + maxEnd), rows(s, sql));
  }
}
