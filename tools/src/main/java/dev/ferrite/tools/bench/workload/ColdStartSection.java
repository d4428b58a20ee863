package dev.ferrite.tools.bench.workload;

import dev.ferrite.tools.bench.sql.ColdStart;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** The cold-start figure (JVM start to the first query result) as a report section. */
final class ColdStartSection {
  private ColdStartSection() {
  }

  static Section run(int runs, Path dir) throws Exception {
    Table t = new Table(List.of("engine", "median ms", "min ms", "max ms"));
    for (ColdStart.Result r : ColdStart.measure(runs, dir)) {
      t.add(List.of(r.peer(), fmt(r.medianMs()), fmt(r.minMs()), fmt(r.maxMs())));
    }
    String intro = "dev.ferrite.tools.bench.sql.ColdStart: " + runs + " child JVMs per engine,"
        + " interleaved, each opening an existing one-row file database and reading the row; time"
        + " from the child JVM's start to the result, class path = this JVM's (the benchmark jar"
        + " with every peer inside). Target (issue 4): Ferrite ≤ 300 ms.";
    return new Section("Cold start", intro, t);
  }

  private static String fmt(double ms) {
    return String.format(Locale.ROOT, "%.0f", ms);
  }
}
