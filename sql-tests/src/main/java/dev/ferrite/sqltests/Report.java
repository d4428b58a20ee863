package dev.ferrite.sqltests;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The per-directory table of a run: files, queries, passed, failures by category, seconds. */
final class Report {
  private Report() {
  }

  static String table(List<FileResult> results) {
    Map<String, List<FileResult>> byDir = new TreeMap<>();
    for (FileResult r : results) {
      byDir.computeIfAbsent(r.directory(), d -> new ArrayList<>()).add(r);
    }
    StringBuilder sb = new StringBuilder();
    sb.append("| directory | files | queries | passed | % | rejected | runtime error | wrong rows | wrong hash | timeout | failed statements | seconds |\n");
    sb.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    for (Map.Entry<String, List<FileResult>> e : byDir.entrySet()) {
      row(sb, e.getKey(), e.getValue());
    }
    row(sb, "**total**", results);
    return sb.toString();
  }

  private static void row(StringBuilder sb, String name, List<FileResult> files) {
    long queries = 0;
    long passed = 0;
    long[] byOutcome = new long[Outcome.values().length];
    long failedStatements = 0;
    double seconds = 0;
    for (FileResult f : files) {
      queries += f.queries();
      passed += f.passedQueries();
      seconds += f.seconds();
      for (RecordResult r : f.records()) {
        if (r.outcome() != Outcome.PASSED) {
          if (r.query()) {
            byOutcome[r.outcome().ordinal()]++;
          } else {
            failedStatements++;
          }
        }
      }
    }
    sb.append(String.format(Locale.ROOT, "| %s | %d | %d | %d | %.2f | %d | %d | %d | %d | %d | %d | %.1f |%n", name,
        files.size(), queries, passed, queries == 0 ? 100.0 : 100.0 * passed / queries,
        byOutcome[Outcome.REJECTED.ordinal()], byOutcome[Outcome.RUNTIME_ERROR.ordinal()],
        byOutcome[Outcome.WRONG_ROWS.ordinal()], byOutcome[Outcome.WRONG_HASH.ordinal()],
        byOutcome[Outcome.TIMEOUT.ordinal()], failedStatements, seconds));
  }

  /** One line per failed record: id, outcome, detail, SQL. */
  static List<String> failures(List<FileResult> results) {
    List<String> out = new ArrayList<>();
    for (FileResult f : results) {
      for (RecordResult r : f.records()) {
        if (r.outcome() != Outcome.PASSED) {
          out.add(r.id() + "\t" + r.outcome() + "\t" + r.detail().replace('\n', ' ') + "\t"
              + r.sql().replace('\n', ' '));
        }
      }
    }
    return out;
  }
}
