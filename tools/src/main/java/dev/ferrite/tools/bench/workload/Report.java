package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One run's report, rendered as plain text (stdout), Markdown (report.md) and HTML with the SVG
 * chart (report.html). All three carry the same tables; the text form leaves out the long
 * per-engine setting column, which it prints as a list instead.
 */
final class Report {
  private static final String READING = "Figures are medians of the measured repetitions with"
      + " [min–max]; warm-up repetitions are left out. Ratios are Ferrite's advantage: Ferrite ÷ peer"
      + " for rates, peer ÷ Ferrite for times, so above 1.00x Ferrite is better, below it worse.";

  private final Results results;
  private final Map<String, String> facts;
  private final Map<Engine, String> straceSyncs;
  private final List<Section> sections = new ArrayList<>();

  Report(Results results, Map<String, String> facts, Map<Engine, String> straceSyncs) {
    this.results = results;
    this.facts = facts;
    this.straceSyncs = straceSyncs;
  }

  /** Adds a section after the workload tables. */
  void add(Section section) {
    sections.add(section);
  }

  private String settings() {
    BenchConfig c = results.config();
    return String.format(Locale.ROOT, "%,d rows; %d measured repetition(s) after %d warm-up(s);"
        + " timed phases of %.1f s (W1, W3, W6); query workloads at least %.1f s and 2 executions"
        + " per repetition; engines interleaved in a rotated order every repetition; one JVM.",
        c.rows(), c.reps(), c.warmups(), c.seconds(), c.querySeconds());
  }

  private String checks() {
    List<String> failed = new ArrayList<>();
    for (Sample s : results.samples()) {
      if (s.measurement().failed()) {
        failed.add(s.workload().id() + " " + s.engine().name() + " rep " + (s.rep() + 1) + ": "
            + s.measurement().check());
      }
    }
    return failed.isEmpty() ? "All checks passed: every W2 load counted exactly the rows loaded;"
        + " every W4/W5 result had the COUNT(*) total the data implies; after every W6 run SUM(val)"
        + " had grown by exactly the number of acknowledged updates."
        : "CHECKS FAILED:\n" + String.join("\n", failed);
  }

  String text() {
    StringBuilder b = new StringBuilder();
    b.append("ferrite bench: ").append(settings()).append("\n\n");
    for (Engine e : results.engines()) {
      b.append(String.format(Locale.ROOT, "%-14s %s%n%-14s read back: %s%n", e.name(), e.setting(), "",
          results.readBack(e)));
    }
    b.append('\n').append(Tables.figures(results).text()).append('\n');
    b.append(READING).append("\n\n").append(Tables.ratios(results).text()).append('\n');
    b.append(Tables.targets(results).text()).append('\n');
    b.append(Tables.engines(results, straceSyncs, false).text());
    b.append('\n').append(checks()).append('\n');
    for (Section s : sections) {
      b.append('\n').append(s.title()).append('\n').append(s.intro()).append('\n');
      if (s.table() != null) {
        b.append(s.table().text());
      }
    }
    return b.toString();
  }

  String markdown() {
    StringBuilder b = new StringBuilder("# ferrite bench: workloads W1–W6 (issue 9)\n\n");
    facts.forEach((k, v) -> b.append("- **").append(k).append("**: `").append(v).append("`\n"));
    b.append("\n").append(settings()).append("\n\n## Engines and durability\n\n");
    b.append(Tables.engines(results, straceSyncs, true).markdown());
    b.append("\n## Results\n\n").append(Tables.figures(results).markdown());
    b.append("\n").append(READING).append("\n\n").append(Tables.ratios(results).markdown());
    b.append("\n## Targets\n\n").append(Tables.targets(results).markdown());
    b.append("\n## Checks\n\n").append(checks()).append("\n");
    for (Section s : sections) {
      b.append("\n## ").append(s.title()).append("\n\n").append(s.intro()).append("\n\n");
      if (s.table() != null) {
        b.append(s.table().markdown());
      }
    }
    return b.toString();
  }

  String html() {
    StringBuilder b = new StringBuilder("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\">"
        + "<title>ferrite bench</title>\n<style>body{font-family:sans-serif;max-width:1200px;margin:1em auto}"
        + "table{border-collapse:collapse;margin:0.5em 0}td,th{border:1px solid #ccc;padding:2px 6px;"
        + "font-size:13px;text-align:left}</style></head><body>\n");
    b.append("<h1>ferrite bench: workloads W1–W6 (issue 9)</h1>\n<ul>\n");
    facts.forEach((k, v) -> b.append("<li><b>").append(Table.escape(k)).append("</b>: <code>")
        .append(Table.escape(v)).append("</code></li>\n"));
    b.append("</ul>\n<p>").append(Table.escape(settings())).append("</p>\n");
    b.append("<h2>Relative to the best engine per workload</h2>\n").append(SvgChart.render(results));
    b.append("<h2>Results</h2>\n").append(Tables.figures(results).html());
    b.append("<p>").append(Table.escape(READING)).append("</p>\n").append(Tables.ratios(results).html());
    b.append("<h2>Targets</h2>\n").append(Tables.targets(results).html());
    b.append("<h2>Engines and durability</h2>\n").append(Tables.engines(results, straceSyncs, true).html());
    b.append("<h2>Checks</h2>\n<p>").append(Table.escape(checks())).append("</p>\n");
    for (Section s : sections) {
      b.append("<h2>").append(Table.escape(s.title())).append("</h2>\n<p>").append(Table.escape(s.intro()))
          .append("</p>\n");
      if (s.table() != null) {
        b.append(s.table().html());
      }
    }
    return b.append("</body></html>\n").toString();
  }
}
