package dev.ferrite.jdbc;

/**
 * A DatabaseMetaData name pattern: {@code %} matches any run of characters, {@code _} any one
 * character, and the search-string escape {@code \} makes the next character literal. A null
 * pattern matches everything. Matching is case-sensitive, against names as stored (unquoted
 * identifiers are stored in upper case), as JDBC specifies.
 */
final class NamePattern {
  static final String ESCAPE = "\\";

  private final String pattern;

  private NamePattern(String pattern) {
    this.pattern = pattern;
  }

  static NamePattern of(String pattern) {
    return new NamePattern(pattern);
  }

  boolean matches(String name) {
    return pattern == null || name != null && match(pattern, 0, name, 0);
  }

  private static boolean match(String p, int pi, String s, int si) {
    while (pi < p.length()) {
      char c = p.charAt(pi);
      if (c == '%') {
        // Collapse runs of %, then try every split point.
        while (pi < p.length() && p.charAt(pi) == '%') {
          pi++;
        }
        if (pi == p.length()) {
          return true;
        }
        for (int k = si; k <= s.length(); k++) {
          if (match(p, pi, s, k)) {
            return true;
          }
        }
        return false;
      }
      if (si >= s.length()) {
        return false;
      }
      if (c == '_') {
        pi++;
        si++;
        continue;
      }
      if (c == '\\' && pi + 1 < p.length()) {
        c = p.charAt(++pi);
      }
      if (c != s.charAt(si)) {
        return false;
      }
      pi++;
      si++;
    }
    return si == s.length();
  }
}
