package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.List;

/**
 * A table of strings rendered three ways (aligned plain text for stdout, Markdown for
 * report.md, HTML for report.html), so all three always show the same cells.
 */
final class Table {
  private final List<String> header;
  private final List<List<String>> rows = new ArrayList<>();

  Table(List<String> header) {
    this.header = List.copyOf(header);
  }

  /** Adds a row (as many cells as the header). */
  Table add(List<String> cells) {
    if (cells.size() != header.size()) {
      throw new IllegalArgumentException(cells.size() + " cells for " + header.size() + " columns");
    }
    rows.add(List.copyOf(cells));
    return this;
  }

  /** Columns padded to their widest cell, two spaces apart. */
  String text() {
    int[] width = new int[header.size()];
    for (List<String> r : all()) {
      for (int i = 0; i < r.size(); i++) {
        width[i] = Math.max(width[i], r.get(i).length());
      }
    }
    StringBuilder b = new StringBuilder();
    for (List<String> r : all()) {
      StringBuilder line = new StringBuilder();
      for (int i = 0; i < r.size(); i++) {
        line.append(String.format("%-" + width[i] + "s", r.get(i))).append(i + 1 < r.size() ? "  " : "");
      }
      b.append(line.toString().stripTrailing()).append('\n');
    }
    return b.toString();
  }

  String markdown() {
    StringBuilder b = new StringBuilder();
    b.append(mdRow(header));
    b.append("|").append("---|".repeat(header.size())).append('\n');
    rows.forEach(r -> b.append(mdRow(r)));
    return b.toString();
  }

  String html() {
    StringBuilder b = new StringBuilder("<table>\n<tr>");
    header.forEach(h -> b.append("<th>").append(escape(h)).append("</th>"));
    b.append("</tr>\n");
    for (List<String> r : rows) {
      b.append("<tr>");
      r.forEach(c -> b.append("<td>").append(escape(c)).append("</td>"));
      b.append("</tr>\n");
    }
    return b.append("</table>\n").toString();
  }

  private List<List<String>> all() {
    List<List<String>> all = new ArrayList<>();
    all.add(header);
    all.addAll(rows);
    return all;
  }

  private static String mdRow(List<String> cells) {
    return "| " + String.join(" | ", cells.stream().map(c -> c.replace("|", "\\|")).toList()) + " |\n";
  }

  static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
