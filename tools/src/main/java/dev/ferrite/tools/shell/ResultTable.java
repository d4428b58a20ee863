package dev.ferrite.tools.shell;

import dev.ferrite.tools.schema.ColumnInfo;
import dev.ferrite.tools.values.ValueText;
import java.io.PrintWriter;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows as an aligned table, numbers right-aligned, then a {@code (N rows)} line:
 * <pre>
 *  ID | NAME
 * ----+-------
 *   1 | apple
 * (1 row)
 * </pre>
 * Column widths come from the header and the first {@value #WIDTH_SAMPLE} rows, which are held
 * in memory; later rows stream through with those widths (a longer value just widens its own
 * line), so a huge result never has to fit in the heap. Nothing is printed before those rows are
 * read, so a query failing early prints its error alone.
 */
public final class ResultTable {
  static final int WIDTH_SAMPLE = 1000;

  private final String[] headers;
  private final boolean[] right;
  private final int[] widths;

  private ResultTable(String[] headers, boolean[] right) {
    this.headers = headers;
    this.right = right;
    this.widths = new int[headers.length];
    fit(headers);
  }

  /** Prints every row of {@code rs}; returns how many there were. */
  public static long print(ResultSet rs, PrintWriter out) throws SQLException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    String[] headers = new String[n];
    boolean[] right = new boolean[n];
    for (int i = 0; i < n; i++) {
      headers[i] = meta.getColumnLabel(i + 1);
      right[i] = ColumnInfo.isNumeric(meta.getColumnType(i + 1));
    }
    List<String[]> sample = new ArrayList<>();
    while (sample.size() < WIDTH_SAMPLE && rs.next()) {
      sample.add(row(rs, n));
    }
    ResultTable table = new ResultTable(headers, right);
    sample.forEach(table::fit);
    table.header(out);
    sample.forEach(r -> table.line(r, out));
    long count = sample.size();
    while (rs.next()) {
      table.line(row(rs, n), out);
      count++;
    }
    out.println(rowCount(count));
    return count;
  }

  /**
   * Prints rows already in memory (the shell's listings of tables, columns, indexes), without
   * the row count line: a description of one table reads better without it.
   */
  public static void print(List<String> headers, boolean[] right, List<String[]> rows,
      PrintWriter out) {
    ResultTable table = new ResultTable(headers.toArray(String[]::new), right);
    rows.forEach(table::fit);
    table.header(out);
    rows.forEach(r -> table.line(r, out));
  }

  /** {@code (1 row)}, {@code (3 rows)}. */
  static String rowCount(long rows) {
    return "(" + rows + (rows == 1 ? " row)" : " rows)");
  }

  private static String[] row(ResultSet rs, int n) throws SQLException {
    String[] cells = new String[n];
    for (int i = 0; i < n; i++) {
      String text = ValueText.of(rs.getObject(i + 1));
      cells[i] = text == null ? "NULL" : visible(text);
    }
    return cells;
  }

  /** Control characters would break the alignment; show them as escapes. */
  private static String visible(String text) {
    if (text.chars().noneMatch(c -> c < ' ')) {
      return text;
    }
    return text.replace("\n", "\\n").replace("\r", "\\r").replace("\t", "\\t");
  }

  private void fit(String[] cells) {
    for (int i = 0; i < cells.length; i++) {
      widths[i] = Math.max(widths[i], cells[i].length());
    }
  }

  private void header(PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < headers.length; i++) {
      line.append(i == 0 ? " " : " | ").append(pad(headers[i], widths[i], false));
    }
    out.println(line.toString().stripTrailing());
    StringBuilder rule = new StringBuilder();
    for (int i = 0; i < headers.length; i++) {
      rule.append(i == 0 ? "" : "+").append("-".repeat(widths[i] + 2));
    }
    out.println(rule);
  }

  private void line(String[] cells, PrintWriter out) {
    StringBuilder line = new StringBuilder();
    for (int i = 0; i < cells.length; i++) {
      line.append(i == 0 ? " " : " | ").append(pad(cells[i], widths[i], right[i]));
    }
    out.println(line.toString().stripTrailing());
  }

  private static String pad(String text, int width, boolean right) {
    String fill = " ".repeat(Math.max(0, width - text.length()));
    return right ? fill + text : text + fill;
  }
}
