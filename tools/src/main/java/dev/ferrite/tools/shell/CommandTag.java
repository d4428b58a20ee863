package dev.ferrite.tools.shell;

import java.util.Locale;

/**
 * What the shell prints for a statement that returns no rows: {@code INSERT 3},
 * {@code UPDATE 0}, {@code CREATE TABLE}, {@code COMMIT}. Taken from the statement's first
 * words, since JDBC reports only an update count.
 */
final class CommandTag {
  private CommandTag() {}

  /** The tag of {@code sql}, which changed {@code count} rows. */
  static String of(String sql, long count) {
    String[] words = sql.strip().split("[^A-Za-z_]+", 4);
    String verb = words[0].toUpperCase(Locale.ROOT);
    switch (verb) {
      case "INSERT":
      case "UPDATE":
      case "DELETE":
        return verb + " " + count;
      case "CREATE":
      case "DROP":
      case "ALTER":
        return verb + " " + object(words);
      default:
        return verb;
    }
  }

  /** TABLE, INDEX or VIEW: the word after the verb, skipping UNIQUE. */
  private static String object(String[] words) {
    for (int i = 1; i < words.length; i++) {
      String word = words[i].toUpperCase(Locale.ROOT);
      if (!word.equals("UNIQUE")) {
        return word;
      }
    }
    return "";
  }
}
