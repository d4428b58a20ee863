package dev.ferrite.tools.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Writes a run's report directory: {@code report.md}, {@code report.html} (with the inline SVG
 * chart) and {@code raw.csv}, every repetition of every workload on every engine, warm-ups
 * included and marked, so the medians can be recomputed or plotted differently.
 */
final class ReportFiles {
  private ReportFiles() {
  }

  static void write(Path out, Report report, Results results) throws IOException {
    Files.createDirectories(out);
    Files.writeString(out.resolve("report.md"), report.markdown());
    Files.writeString(out.resolve("report.html"), report.html());
    Files.writeString(out.resolve("raw.csv"), csv(results));
  }

  static String csv(Results results) {
    StringBuilder b = new StringBuilder("rep,warmup,workload,engine,unit,value,ops,writes,retries,syncs,commits,check\n");
    for (Sample s : results.samples()) {
      Measurement m = s.measurement();
      b.append(String.format(Locale.ROOT, "%d,%s,%s,%s,%s,%.3f,%d,%d,%d,%d,%d,\"%s\"%n", s.rep() + 1,
          s.warmup(), s.workload().id(), s.engine().name(), s.workload().unit().label(), m.value(), m.ops(),
          m.writes(), m.retries(), m.syncs(), m.commits(), m.check().replace("\"", "\"\"")));
    }
    return b.toString();
  }
}
