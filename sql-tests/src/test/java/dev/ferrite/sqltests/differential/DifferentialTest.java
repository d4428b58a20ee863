package dev.ferrite.sqltests.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The CI campaign: 10,000 generated cases from a fixed seed against H2, TLP and NoREC. It fails
 * on a finding that differential-known.txt does not list, and on a listed one that no longer
 * occurs (so the list only holds what is still true). The long mode is {@link DifferentialMain}.
 */
class DifferentialTest {
  private static final long SEED = 42;
  private static final long QUERIES = 10_000;
  /** CI machines have two cores; the findings do not depend on this. */
  private static final int THREADS = 2;

  @Test void ferriteAgreesWithH2AndWithItself() throws IOException, SQLException {
    Map<String, String> known = known();
    long start = System.nanoTime();
    Report report = new Campaign(SEED, THREADS, known.keySet(), System.out::println).run(QUERIES);
    System.out.println(report.summary() + "; skipped " + report.skipped() + ", databases " + report.databases() + ", "
        + (System.nanoTime() - start) / 1_000_000_000 + " s");
    assertTrue(report.queries() >= QUERIES, "too few cases judged: " + report.summary());
    for (String oracle : List.of("H2", "TLP", "NoREC")) {
      // Every oracle must have judged a fair share; a generator that only makes skipped cases proves nothing.
      assertTrue(report.queries(oracle) >= QUERIES / 5, oracle + " judged too few cases: " + report.summary());
    }
    List<String> unexpected = new ArrayList<>();
    List<String> gone = new ArrayList<>(known.keySet());
    for (Finding f : report.findings()) {
      if (!gone.remove(f.signature())) {
        unexpected.add(f.describe());
      }
    }
    if (!unexpected.isEmpty() || !gone.isEmpty()) {
      fail("findings not in differential-known.txt (" + unexpected.size() + "):\n" + String.join("\n", unexpected)
          + "\nknown differences that no longer occur; remove them from differential-known.txt (" + gone.size()
          + "):\n  " + String.join("\n  ", gone));
    }
  }

  @Test void theReportDoesNotDependOnTheNumberOfThreads() throws IOException, SQLException {
    Set<String> known = known().keySet();
    Report one = new Campaign(SEED + 1, 1, known, line -> { }).run(300);
    Report three = new Campaign(SEED + 1, 3, known, line -> { }).run(300);
    assertEquals(one.summary(), three.summary());
    assertEquals(one.findings().stream().map(Finding::signature).toList(),
        three.findings().stream().map(Finding::signature).toList());
  }

  private static Map<String, String> known() throws IOException {
    try (InputStream in = DifferentialTest.class.getResourceAsStream("/differential-known.txt")) {
      return KnownDifferences.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
