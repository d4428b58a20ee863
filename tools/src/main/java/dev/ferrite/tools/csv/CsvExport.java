package dev.ferrite.tools.csv;

import dev.ferrite.tools.schema.ColumnInfo;
import dev.ferrite.tools.values.ValueText;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a query's rows as CSV: a header of column labels (unless turned off), numbers bare,
 * everything else quoted in {@link ValueText}'s form, NULL as the settings' null text.
 */
public final class CsvExport {
  /** Hears how many rows are out so far. */
  @FunctionalInterface
  public interface Listener {
    /** Called after every row. */
    void rows(long exported);
  }

  private CsvExport() {}

  /** Writes every row of {@code rs} to {@code out}; returns how many. */
  public static long run(ResultSet rs, Writer out, CsvSettings settings, Listener listener)
      throws SQLException, IOException {
    ResultSetMetaData meta = rs.getMetaData();
    int n = meta.getColumnCount();
    boolean[] numeric = new boolean[n];
    CSVPrinter printer = new CSVPrinter(out, settings.format());
    if (settings.header()) {
      for (int i = 0; i < n; i++) {
        printer.print(meta.getColumnLabel(i + 1));
      }
      printer.println();
    }
    for (int i = 0; i < n; i++) {
      numeric[i] = ColumnInfo.isNumeric(meta.getColumnType(i + 1));
    }
    long rows = 0;
    while (rs.next()) {
      for (int i = 0; i < n; i++) {
        printer.print(cell(rs.getObject(i + 1), numeric[i]));
      }
      printer.println();
      listener.rows(++rows);
    }
    printer.flush();
    return rows;
  }

  /** Numbers stay numbers (printed unquoted, in plain notation), the rest becomes text. */
  private static Object cell(Object value, boolean numeric) throws SQLException {
    if (value == null) {
      return null;
    }
    if (numeric && value instanceof Number) {
      return value instanceof BigDecimal decimal ? new PlainDecimal(decimal) : value;
    }
    return ValueText.of(value);
  }

  /**
   * A decimal that prints without an exponent ({@code BigDecimal} writes 0.0000001 as
   * {@code 1E-7}); still a Number, so the printer leaves it unquoted.
   */
  private static final class PlainDecimal extends BigDecimal {
    PlainDecimal(BigDecimal value) {
      super(value.unscaledValue(), value.scale());
    }

    @Override
    public String toString() {
      return toPlainString();
    }
  }
}
