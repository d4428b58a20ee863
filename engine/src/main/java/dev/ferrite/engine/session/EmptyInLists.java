package dev.ferrite.engine.session;

/**
 * Accepts an empty IN list, {@code x IN ()} / {@code x NOT IN ()}, as SQLite does (and as
 * programs that build IN lists from collections need when a collection is empty): the list
 * becomes a subquery that returns no rows, so {@code IN} is FALSE and {@code NOT IN} TRUE for
 * every operand, NULL included. Standard SQL has no empty list, so nothing valid changes meaning.
 * Works on the text before parsing; strings, quoted identifiers and comments are skipped.
 */
final class EmptyInLists {
  static final String NO_ROWS = "(SELECT NULL FROM (VALUES (0)) AS \"no rows\"(\"x\") WHERE FALSE)";

  private EmptyInLists() {
  }

  static String rewrite(String sql) {
    if (sql.indexOf(')') < 0) {
      return sql;
    }
    StringBuilder out = null;
    int copied = 0;
    int n = sql.length();
    int i = 0;
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'' || c == '"') {
        i = skipQuoted(sql, i, c);
      } else if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int eol = sql.indexOf('\n', i);
        i = eol < 0 ? n : eol;
      } else if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int end = sql.indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else if ((c == 'i' || c == 'I') && isWordAt(sql, i)) {
        int open = skipBlanks(sql, i + 2);
        int close = open < n && sql.charAt(open) == '(' ? skipBlanks(sql, open + 1) : -1;
        if (close >= 0 && close < n && sql.charAt(close) == ')') {
          out = out == null ? new StringBuilder(n + NO_ROWS.length()) : out;
          out.append(sql, copied, open).append(NO_ROWS);
          copied = close + 1;
          i = close + 1;
        } else {
          i += 2;
        }
      } else {
        i++;
      }
    }
    return out == null ? sql : out.append(sql, copied, n).toString();
  }

  /** Whether the word IN (any case) stands alone at {@code i}. */
  private static boolean isWordAt(String sql, int i) {
    return i + 1 < sql.length() && (sql.charAt(i + 1) == 'n' || sql.charAt(i + 1) == 'N')
        && (i == 0 || !isWordChar(sql.charAt(i - 1))) && (i + 2 == sql.length() || !isWordChar(sql.charAt(i + 2)));
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '$';
  }

  private static int skipBlanks(String sql, int i) {
    while (i < sql.length() && Character.isWhitespace(sql.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The index after the quoted token starting at {@code i} (a doubled quote escapes itself). */
  private static int skipQuoted(String sql, int i, char quote) {
    int j = i + 1;
    while (j < sql.length()) {
      if (sql.charAt(j) == quote) {
        if (j + 1 < sql.length() && sql.charAt(j + 1) == quote) {
          j += 2;
          continue;
        }
        return j + 1;
      }
      j++;
    }
    return j;
  }
}
