package dev.ferrite.jdbc;

import java.sql.SQLWarning;

/**
 * The warnings a connection or statement reports through {@code getWarnings()}: JDBC hands out
 * the first and links the rest from it with {@link SQLWarning#setNextWarning}.
 */
final class WarningChain {
  private SQLWarning first;

  /** Appends {@code w} after the warnings already reported. */
  void add(SQLWarning w) {
    if (first == null) {
      first = w;
    } else {
      first.setNextWarning(w);
    }
  }

  /** The first warning, the head of the chain; null when there is none. */
  SQLWarning first() {
    return first;
  }

  void clear() {
    first = null;
  }
}
