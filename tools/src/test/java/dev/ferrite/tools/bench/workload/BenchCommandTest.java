package dev.ferrite.tools.bench.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs {@code ferrite bench} in-process on all four engines at a tiny scale and checks what it
 * measured against the databases themselves: every figure is positive, W1's and W2's rows are
 * really there, W6 lost or doubled no update, and the report files carry every workload.
 */
class BenchCommandTest {
  private static final int ROWS = 2_000;

  @Test
  void runsEveryWorkloadOnEveryEngineAndTheDatabasesAgree(@TempDir Path tmp) throws Exception {
    ByteArrayOutputStream stdout = new ByteArrayOutputStream();
    BenchCommand bench = new BenchCommand("test", new PrintStream(stdout, true, StandardCharsets.UTF_8),
        new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    Path out = tmp.resolve("report");
    int status = new CommandLine(bench).execute("--dir", tmp.resolve("db").toString(), "--out", out.toString(),
        "--rows", String.valueOf(ROWS), "--warmups", "0", "--reps", "1", "--seconds", "0.2",
        "--query-seconds", "0.05", "--no-count-syncs", "--pmem", "none", "--keep");
    String printed = stdout.toString(StandardCharsets.UTF_8);
    assertEquals(0, status, printed);

    Results results = bench.results();
    assertEquals(List.of("ferrite", "sqlite", "h2", "hsqldb"),
        results.engines().stream().map(Engine::name).toList());
    assertEquals(7, results.workloads().size());
    for (Workload w : results.workloads()) {
      for (Engine e : results.engines()) {
        Stats s = results.stats(w, e);
        assertNotNull(s, w.id() + " did not run on " + e.name());
        assertEquals(1, s.n());
        assertTrue(s.median() > 0 && Double.isFinite(s.median()), w.id() + " on " + e.name() + ": " + s);
      }
    }
    assertFalse(results.anyCheckFailed());

    for (Engine e : results.engines()) {
      try (Connection c = e.connect(); Statement s = c.createStatement()) {
        assertEquals(ROWS, count(s, "SELECT COUNT(*) FROM bulk"), e.name() + " W2 rows");
        assertEquals(writes(results, "W1", e), count(s, "SELECT COUNT(*) FROM ins"), e.name() + " W1 rows");
        long updates = writes(results, "W6", e);
        assertTrue(updates > 0, e.name() + " made no W6 update");
        try (ResultSet rs = s.executeQuery("SELECT SUM(val) FROM t")) {
          rs.next();
          assertEquals(Schema.loadedValSum(ROWS) + updates, rs.getDouble(1), 0.0, e.name() + " W6 sum");
        }
      }
    }

    String md = Files.readString(out.resolve("report.md"));
    String html = Files.readString(out.resolve("report.html"));
    for (Workload w : results.workloads()) {
      String name = w.id() + " " + w.title();
      assertTrue(md.contains(name), "report.md lacks " + name);
      assertTrue(html.contains(Table.escape(name)), "report.html lacks " + name);
      assertTrue(printed.contains(name), "stdout lacks " + name);
    }
    assertTrue(html.contains("<svg") && html.contains("<rect"), "no chart in report.html");
    for (Engine e : results.engines()) {
      assertTrue(md.contains(e.setting()), "report.md does not state " + e.name() + "'s durability");
    }
    List<String> csv = Files.readAllLines(out.resolve("raw.csv"));
    assertEquals(results.samples().size() + 1, csv.size());
  }

  @Test
  void parsesStraceSummaries() {
    Map<String, Long> calls = SyncCount.parse(List.of(
        "% time     seconds  usecs/call     calls    errors syscall",
        "------ ----------- ----------- --------- --------- ----------------",
        " 98.10    0.051234         170       301           fdatasync",
        "  1.90    0.000990          99        10         2 fsync",
        "------ ----------- ----------- --------- --------- ----------------",
        "100.00    0.052224         168       311         2 total"));
    assertEquals(Map.of("fdatasync", 301L, "fsync", 10L), calls);
  }

  private static long count(Statement s, String sql) throws Exception {
    try (ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static long writes(Results results, String workloadId, Engine e) {
    long sum = 0;
    for (Sample s : results.samples()) {
      if (s.workload().id().equals(workloadId) && s.engine() == e) {
        sum += s.measurement().writes();
      }
    }
    return sum;
  }
}
