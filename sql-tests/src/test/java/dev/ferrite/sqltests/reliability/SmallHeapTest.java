package dev.ferrite.sqltests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Big statements in a child JVM with a 64 MiB heap ({@link SmallHeapMain}): each completes or
 * fails (an OutOfMemoryError included), and afterwards the file verifies, committed data is
 * intact and nothing uncommitted is there. The engine undoes the statement and reports an
 * OutOfMemoryError during a statement as SQLSTATE 53200 (an Error outside a statement, in the
 * driver or the application, stays an Error).
 */
class SmallHeapTest {
  private static final int KEPT = 1000;
  private static final String OOM = "OutOfMemoryError";

  @TempDir
  Path dir;

  private Path db;

  @BeforeEach
  void prepare() throws SQLException {
    db = dir.resolve("small-heap.db");
    try (Connection c = Sql.open(db)) {
      Sql.createNumbers(c, 2000);
      Sql.exec(c, "CREATE TABLE kept(id INTEGER PRIMARY KEY, v BIGINT NOT NULL, note VARCHAR(200))",
          "INSERT INTO kept SELECT x, 3 * x, 'kept' FROM n WHERE x < " + KEPT);
    }
  }

  /** Runs the child in {@code mode}; returns its results by name once it has exited normally. */
  private Map<String, String> runChild(String mode, String... names) throws Exception {
    ChildJvm child = ChildJvm.start(SmallHeapMain.class, List.of("-Xmx64m"), dir.resolve(mode + ".err"),
        db.toString(), mode);
    Map<String, String> results = new LinkedHashMap<>();
    for (String name : names) {
      String prefix = "RESULT " + name + " ";
      results.put(name, child.awaitLine(prefix, Duration.ofMinutes(5)).substring(prefix.length()));
    }
    child.awaitLine("closed", Duration.ofMinutes(1));
    assertEquals(0, child.awaitExit(Duration.ofMinutes(1)), "child exit" + child.diagnostics());
    return results;
  }

  /** Fails unless the committed rows of {@code kept} are all there, unchanged, and the file verifies. */
  private void assertKeptIntact(long extraRows) throws SQLException {
    try (Connection c = Sql.open(db)) {
      assertEquals(KEPT + extraRows, Sql.queryLong(c, "SELECT COUNT(*) FROM kept"));
      assertEquals(3L * KEPT * (KEPT - 1) / 2, Sql.queryLong(c, "SELECT SUM(v) FROM kept WHERE id < " + KEPT));
      assertEquals(0, Sql.queryLong(c, "SELECT COUNT(*) FROM kept WHERE id < 0"), "an uncommitted row survived");
    }
    StoreCheck.verifyHealthy(db);
  }

  @Test
  void bigQueriesCompleteOrFailCleanlyAndCorruptNothing() throws Exception {
    Map<String, String> r = runChild("queries", "order-by", "many-groups", "few-groups", "marker");
    assertOneOf(r.get("order-by"), "completed 4000000");
    assertOneOf(r.get("many-groups"), "completed 4000000");
    assertEquals("completed 3999 groups of 4000000 rows", r.get("few-groups"), "a query needing little memory");
    assertEquals("completed", r.get("marker"));
    assertKeptIntact(1);
    System.out.println("small heap (-Xmx64m): " + r);
  }

  /**
   * {@link #runChild} for a case whose first statement must run out of memory (how much memory
   * a statement needs depends on the JVM): anything else skips the test.
   */
  private Map<String, String> runChildToOutOfMemory(String mode, String... names) throws Exception {
    Map<String, String> r = runChild(mode, names);
    String first = r.get(names[0]);
    assumeTrue(first.equals(OOM) || first.startsWith("SQLException 53200"),
        names[0] + " did not run out of memory: " + r);
    return r;
  }

  /** A statement's outcome: the right result, an OutOfMemoryError, or a clean SQLException. */
  private static void assertOneOf(String outcome, String completed) {
    assertTrue(outcome.equals(completed) || outcome.equals(OOM) || outcome.startsWith("SQLException "),
        "outcome: " + outcome);
  }

  /** {@code big} with {@code 2000 * aRows} rows of about 100 bytes. */
  private void createBig(int aRows) throws SQLException {
    try (Connection c = Sql.open(db)) {
      Sql.exec(c, "CREATE TABLE big(id BIGINT PRIMARY KEY, pad VARCHAR(300) NOT NULL)",
          "INSERT INTO big SELECT a.x * 2000 + b.x, 'old padding, old padding, old padding, old padding,"
              + " old padding, old padding, old padding, old padding' FROM n a, n b WHERE a.x < " + aRows);
    }
  }

  @Test
  void outOfMemoryInAnAutocommitWriteReleasesTheWriteLock() throws Exception {
    createBig(300);
    Map<String, String> r = runChildToOutOfMemory("update-autocommit", "update", "write-after");
    assertEquals("completed 1", r.get("write-after"));
    assertKeptIntact(1);
  }

  @Test
  void outOfMemoryInAWriteInsideATransactionUndoesTheStatement() throws Exception {
    createBig(100);
    Map<String, String> r = runChildToOutOfMemory("update-in-transaction", "update", "visible-after", "commit");
    // Either the statement was undone alone (nothing of it visible, the commit succeeds), or it
    // could not be undone and the session rolled the whole transaction back and said so: the
    // next statement fails with 25P02 and the commit with 40000. Never a partial update.
    String visible = r.get("visible-after");
    if (visible.startsWith("SQLException 25P02")) {
      assertTrue(r.get("commit").startsWith("SQLException 40000"), "commit after the rollback: " + r);
    } else {
      assertEquals("completed 0", visible, "part of the failed statement is visible");
      assertEquals("completed ok", r.get("commit"));
    }
    try (Connection c = Sql.open(db)) {
      assertEquals(0, Sql.queryLong(c, "SELECT COUNT(*) FROM big WHERE pad = 'new'"));
    }
    assertKeptIntact(0);
  }

  @Test
  void outOfMemoryInAnAutocommitQueryReleasesItsSnapshot() throws Exception {
    Map<String, String> r = runChildToOutOfMemory("query-then-churn", "query", "file-bytes");
    long bytes = Long.parseLong(r.get("file-bytes").substring("completed ".length()));
    assertTrue(bytes <= 16 << 20, "the file grew to " + bytes + " bytes: freed pages are not reused");
    assertKeptIntact(0);
  }
}
