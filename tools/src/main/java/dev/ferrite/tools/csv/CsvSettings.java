package dev.ferrite.tools.csv;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;

/**
 * The CSV dialect of import and export: RFC 4180 with a chosen delimiter, NULL written as
 * {@code nullText} unquoted (an empty field by default) and every non-numeric value quoted, so
 * an empty string ({@code ""}) stays distinct from NULL. Reading uses the same rule: an unquoted
 * field equal to {@code nullText} is NULL, a quoted one is text.
 *
 * @param delimiter the field separator
 * @param nullText how NULL is written
 * @param header whether the first record names the columns
 */
public record CsvSettings(char delimiter, String nullText, boolean header) {

  /** The Commons CSV format for these settings. */
  CSVFormat format() {
    // NON_NUMERIC is also what makes the parser tell a quoted "" from an empty field.
    return CSVFormat.RFC4180.builder()
        .setDelimiter(delimiter)
        .setNullString(nullText)
        .setQuoteMode(QuoteMode.NON_NUMERIC)
        .setRecordSeparator("\n")
        .get();
  }
}
