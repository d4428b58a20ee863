package dev.ferrite.sqltests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A fixed sample of the sqllogictest suite, run through the JDBC driver on every build. It fails
 * when a query or statement fails that is not on the known-failures list, and also when a
 * listed one passes (so the list only ever shrinks and stays honest). Every entry of the list
 * carries its reason.
 */
class SltSampleTest {
  /** The sample: every kind of file in the suite, sized to run in a few minutes on two cores. */
  static final List<String> SAMPLE = List.of(
      "test/select1.test",
      "test/select2.test",
      "test/evidence",
      "test/index/between/1/slt_good_0.test",
      "test/index/commute/10/slt_good_0.test",
      "test/index/delete/10/slt_good_0.test",
      "test/index/in/10/slt_good_0.test",
      "test/index/orderby/10/slt_good_0.test",
      "test/index/orderby_nosort/10/slt_good_0.test",
      "test/index/random/10/slt_good_0.test",
      "test/index/view/10/slt_good_1.test",
      "test/random/aggregates/slt_good_0.test",
      "test/random/expr/slt_good_0.test",
      "test/random/groupby/slt_good_0.test",
      "test/random/select/slt_good_0.test");

  @Test void sampleMatchesTheKnownFailures() throws IOException {
    Map<String, String> known = knownFailures();
    SltRunner runner = new SltRunner(30);
    List<FileResult> results = new ArrayList<>();
    for (String file : SuiteFiles.select(SAMPLE)) {
      results.add(runner.run(file));
    }
    List<String> unexpected = new ArrayList<>();
    List<String> nowPassing = new ArrayList<>(known.keySet());
    long queries = 0;
    for (FileResult f : results) {
      queries += f.queries();
      for (RecordResult r : f.records()) {
        if (r.outcome() == Outcome.PASSED) {
          continue;
        }
        if (known.containsKey(r.id())) {
          nowPassing.remove(r.id());
        } else {
          unexpected.add(r.id() + " " + r.outcome() + " " + r.detail() + " :: " + r.sql());
        }
      }
    }
    // Known failures whose record did not fail this time are passing now.
    System.out.println("sqllogictest sample: " + results.size() + " files, " + queries + " queries");
    System.out.print(Report.table(results));
    assertTrue(queries > 50_000, "the sample must not shrink silently: " + queries + " queries");
    if (!unexpected.isEmpty() || !nowPassing.isEmpty()) {
      fail("unexpected failures (" + unexpected.size() + "):\n  " + String.join("\n  ", head(unexpected))
          + "\nknown failures that now pass; remove them from slt-known-failures.txt (" + nowPassing.size()
          + "):\n  " + String.join("\n  ", head(nowPassing)));
    }
  }

  private static List<String> head(List<String> l) {
    return l.size() <= 40 ? l : l.subList(0, 40);
  }

  /** {@code id<TAB>reason} lines; '#' starts a comment line. */
  static Map<String, String> knownFailures() throws IOException {
    Map<String, String> out = new LinkedHashMap<>();
    try (InputStream in = SltSampleTest.class.getResourceAsStream("/slt-known-failures.txt")) {
      String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      for (String line : text.split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] parts = line.split("\t", 2);
        if (parts.length < 2 || parts[1].isBlank()) {
          throw new IllegalStateException("known failure without a reason: " + line);
        }
        out.put(parts[0], parts[1]);
      }
    }
    return out;
  }
}
