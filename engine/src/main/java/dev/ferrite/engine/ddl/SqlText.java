package dev.ferrite.engine.ddl;

import org.apache.calcite.sql.parser.SqlParserPos;

/** Cuts the original text of a parse-tree node out of the statement. */
final class SqlText {
  private SqlText() {
  }

  /** Character offset of 1-based {@code line}, {@code column} in {@code sql}. */
  static int offset(String sql, int line, int column) {
    int off = 0;
    for (int l = 1; l < line; l++) {
      off = sql.indexOf('\n', off) + 1;
    }
    return Math.min(sql.length(), off + column - 1);
  }

  /** The text from the start of {@code pos} to its end. */
  static String slice(String sql, SqlParserPos pos) {
    int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
    int end = offset(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return sql.substring(start, Math.max(start, Math.min(end, sql.length())));
  }

  /** The text from the start of {@code pos} to the end of the statement (without trailing ';'). */
  static String sliceToEnd(String sql, SqlParserPos pos) {
    int start = offset(sql, pos.getLineNum(), pos.getColumnNum());
    int end = sql.length();
    while (end > start && (Character.isWhitespace(sql.charAt(end - 1)) || sql.charAt(end - 1) == ';')) {
      end--;
    }
    return sql.substring(start, end);
  }
}
