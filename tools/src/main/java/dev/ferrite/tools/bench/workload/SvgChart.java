package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A hand-written SVG bar chart (no libraries, nothing fetched by the browser): one group of
 * horizontal bars per workload, one bar per engine, each bar the engine's median relative to the
 * best engine of that workload (1.0 = best; for times the best is the shortest), with the figure
 * printed beside it. Ferrite's bars are drawn in a stronger colour.
 */
final class SvgChart {
  private static final int WIDTH = 900;
  private static final int LABEL = 130;
  private static final int BAR_AREA = 520;
  private static final int ROW = 18;
  private static final int HEADER = 24;
  private static final int GAP = 10;
  private static final String[] PEER_COLOURS = {"#9e9e9e", "#7fa7c9", "#c9a77f", "#a7c97f"};

  private SvgChart() {
  }

  static String render(Results r) {
    StringBuilder body = new StringBuilder();
    int y = 10;
    for (Workload w : r.workloads()) {
      List<Engine> engines = new ArrayList<>();
      List<Stats> stats = new ArrayList<>();
      for (Engine e : r.engines()) {
        Stats s = r.stats(w, e);
        if (s != null) {
          engines.add(e);
          stats.add(s);
        }
      }
      if (engines.isEmpty()) {
        continue;
      }
      double best = stats.get(0).median();
      for (Stats s : stats) {
        best = w.unit().higherIsBetter() ? Math.max(best, s.median()) : Math.min(best, s.median());
      }
      y += HEADER;
      body.append(text(4, y - 6, Table.escape(w.id() + " " + w.title() + " (" + w.unit().label()
          + (w.unit().higherIsBetter() ? ", higher is better)" : ", lower is better)")), "bold"));
      for (int i = 0; i < engines.size(); i++) {
        Engine e = engines.get(i);
        double score = w.unit().advantage(stats.get(i).median(), best);
        int bar = (int) Math.round(Math.max(1, score * BAR_AREA));
        body.append(text(LABEL - 6, y + ROW - 5, Table.escape(e.name()), "end"));
        body.append(String.format(Locale.ROOT,
            "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"/>%n", LABEL, y + 2, bar,
            ROW - 4, colour(r, e)));
        body.append(text(LABEL + bar + 6, y + ROW - 5, String.format(Locale.ROOT, "%.2f  (%s %s)",
            score, Format.figure(stats.get(i).median()), w.unit().label()), "start"));
        y += ROW;
      }
      y += GAP;
    }
    return String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\""
        + " font-family=\"sans-serif\" font-size=\"12\">%n", WIDTH, y + 10) + body + "</svg>\n";
  }

  private static String colour(Results r, Engine e) {
    if (e.kind() == Engine.Kind.FERRITE) {
      return e.insertOnly() ? "#e07b39" : "#c0392b";
    }
    return PEER_COLOURS[r.peers().indexOf(e) % PEER_COLOURS.length];
  }

  private static String text(int x, int y, String content, String style) {
    String attrs = style.equals("bold") ? "font-weight=\"bold\""
        : "text-anchor=\"" + style + "\"";
    return String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" %s>%s</text>%n", x, y, attrs, content);
  }
}
