package dev.ferrite.engine.session;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of a SQL text with its literals cut out: {@code SELECT * FROM t WHERE id = 5} and
 * {@code ... id = 6} share the template {@code SELECT * FROM t WHERE id = ?}, so they can share
 * one cached plan. A small lexer, not a parser: it knows strings ({@code ''} escapes), quoted
 * identifiers, comments and numbers, and records each number or string literal with its
 * position so the planner can match it to the parse tree.
 */
final class SqlTemplate {
  /** One literal token. */
  static final class Literal {
    final int start;
    final int end;
    final String text;
    final Object value;

    Literal(int start, int end, String text, Object value) {
      this.start = start;
      this.end = end;
      this.text = text;
      this.value = value;
    }
  }

  final String key;
  final List<Literal> literals;
  final boolean hasUserParameters;

  private SqlTemplate(String key, List<Literal> literals, boolean hasUserParameters) {
    this.key = key;
    this.literals = literals;
    this.hasUserParameters = hasUserParameters;
  }

  static SqlTemplate of(String sql) {
    StringBuilder key = new StringBuilder(sql.length());
    List<Literal> literals = new ArrayList<>();
    boolean params = false;
    int n = sql.length();
    int i = 0;
    char prev = ' ';
    while (i < n) {
      char c = sql.charAt(i);
      if (c == '\'') {
        int j = i + 1;
        StringBuilder v = new StringBuilder();
        while (j < n) {
          char d = sql.charAt(j);
          if (d == '\'') {
            if (j + 1 < n && sql.charAt(j + 1) == '\'') {
              v.append('\'');
              j += 2;
              continue;
            }
            break;
          }
          v.append(d);
          j++;
        }
        int end = Math.min(n, j + 1);
        // A string right after an identifier character is a typed literal (DATE '..', X'..'): keep it.
        if (Character.isLetterOrDigit(prev) || prev == '_') {
          key.append(sql, i, end);
        } else {
          literals.add(new Literal(i, end, sql.substring(i, end), v.toString()));
          key.append("?s");
        }
        i = end;
        prev = '\'';
        continue;
      }
      if (c == '"') {
        int j = sql.indexOf('"', i + 1);
        int end = j < 0 ? n : j + 1;
        key.append(sql, i, end);
        i = end;
        prev = 'a';
        continue;
      }
      if (c == '-' && i + 1 < n && sql.charAt(i + 1) == '-') {
        int j = sql.indexOf('\n', i);
        int end = j < 0 ? n : j;
        key.append(sql, i, end);
        i = end;
        continue;
      }
      if (c == '/' && i + 1 < n && sql.charAt(i + 1) == '*') {
        int j = sql.indexOf("*/", i + 2);
        int end = j < 0 ? n : j + 2;
        key.append(sql, i, end);
        i = end;
        continue;
      }
      if ((Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(sql.charAt(i + 1))))
          && !(Character.isLetterOrDigit(prev) || prev == '_' || prev == '$')) {
        int j = i;
        boolean dot = false;
        boolean exp = false;
        while (j < n) {
          char d = sql.charAt(j);
          if (Character.isDigit(d)) {
            j++;
          } else if (d == '.' && !dot && !exp) {
            dot = true;
            j++;
          } else if ((d == 'e' || d == 'E') && !exp && j + 1 < n
              && (Character.isDigit(sql.charAt(j + 1)) || ((sql.charAt(j + 1) == '-' || sql.charAt(j + 1) == '+')
                  && j + 2 < n && Character.isDigit(sql.charAt(j + 2))))) {
            exp = true;
            j += 2;
          } else {
            break;
          }
        }
        if (j < n && (Character.isLetter(sql.charAt(j)) || sql.charAt(j) == '_')) {
          key.append(sql, i, j); // part of an identifier-like token; not a literal
          i = j;
          prev = 'a';
          continue;
        }
        String text = sql.substring(i, j);
        Object value = exp ? (Object) Double.valueOf(text) : dot ? (Object) new BigDecimal(text) : integer(text);
        literals.add(new Literal(i, j, text, value));
        key.append(shape(value));
        i = j;
        prev = '0';
        continue;
      }
      if (c == '?') {
        params = true;
      }
      key.append(c);
      if (!Character.isWhitespace(c)) {
        prev = c;
      }
      i++;
    }
    return new SqlTemplate(key.toString(), List.copyOf(literals), params);
  }

  /**
   * The part of a literal's type its parameter takes: parameters are typed from the first
   * literal seen, so literals of different types (INTEGER vs BIGINT, DECIMAL(3,2) vs (4,2))
   * must not share a template.
   */
  private static String shape(Object value) {
    if (value instanceof Double) {
      return "?f";
    }
    if (value instanceof BigDecimal) {
      BigDecimal d = (BigDecimal) value;
      return "?d" + d.precision() + "." + d.scale();
    }
    long v = (Long) value;
    return v == (int) v ? "?i" : "?l";
  }

  private static Object integer(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      return new BigDecimal(text);
    }
  }
}
