package dev.ferrite.sqltests.differential;

import java.util.List;

/**
 * What a statement gave: rows of normalized values ({@link Values#normalize}), or an error.
 *
 * @param rows null when the statement failed
 * @param sqlState the error's SQLSTATE; null on success
 */
record Outcome(List<List<Object>> rows, String sqlState, String message) {
  /** Java classes of values, which messages name ("cannot compare Boolean with Long"). */
  private static final String VALUE_CLASSES =
      "\\b(Boolean|Byte|Short|Integer|Long|BigDecimal|BigInteger|Float|Double|String|LocalDate|LocalTime|LocalDateTime)\\b";

  static Outcome success(List<List<Object>> rows) {
    return new Outcome(rows, null, null);
  }

  static Outcome failure(String sqlState, String message) {
    return new Outcome(null, sqlState == null ? "?????" : sqlState, message);
  }

  boolean ok() {
    return rows != null;
  }

  /** A query timeout: neither a result nor a finding. */
  boolean timedOut() {
    return "57014".equals(sqlState);
  }

  /**
   * The error as a stable description: SQLSTATE and the message's first line with numbers,
   * quoted or parenthesized text and the names of value classes blanked, so every occurrence of
   * one error reads the same whatever the values and types involved.
   */
  String error() {
    String template = firstLine(message).replaceAll("\"[^\"]*\"", "\"…\"").replaceAll("'[^']*'", "'…'")
        .replaceAll("\\d+", "N").replaceAll(VALUE_CLASSES, "T");
    // Innermost parentheses first: row types and positions in messages vary with the query.
    for (String previous = ""; !previous.equals(template); ) {
      previous = template;
      template = template.replaceAll("\\([^()]*\\)", "…");
    }
    return sqlState + " " + (template.length() > 160 ? template.substring(0, 160) + "…" : template);
  }

  @Override public String toString() {
    if (!ok()) {
      return "error " + sqlState + ": " + firstLine(message);
    }
    return rows.size() <= 8 ? rows.toString() : rows.subList(0, 8) + "... (" + rows.size() + " rows)";
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
