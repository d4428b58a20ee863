package dev.ferrite.tools.shell;

import java.util.Locale;

/**
 * Follows the words of one statement to tell whether a {@code ;} ends it: inside the
 * {@code BEGIN ... END} body of a CREATE TRIGGER the body's own statements end with {@code ;},
 * so only a {@code ;} after the body's END ends the CREATE TRIGGER. CASE ... END inside the body
 * is counted, so its END does not close the body (SQLite's sqlite3_complete does not count it).
 */
final class TriggerBody {
  private int words;
  private boolean trigger;
  private boolean inBody;
  private boolean ended;
  private int cases;

  /** Feeds the next word of the statement (outside literals, quoted names and comments). */
  void word(String w) {
    String u = w.toUpperCase(Locale.ROOT);
    words++;
    if (!trigger) {
      // CREATE [OR REPLACE] [TEMP | TEMPORARY] TRIGGER
      if (words == 1 && !u.equals("CREATE")) {
        words = Integer.MIN_VALUE / 2;
      } else if (words > 1 && u.equals("TRIGGER")) {
        trigger = true;
      } else if (words > 1 && !(u.equals("OR") || u.equals("REPLACE") || u.equals("TEMP") || u.equals("TEMPORARY"))) {
        words = Integer.MIN_VALUE / 2;
      }
      return;
    }
    if (!inBody) {
      inBody = u.equals("BEGIN");
    } else if (u.equals("CASE")) {
      cases++;
    } else if (u.equals("END")) {
      if (cases > 0) {
        cases--;
      } else {
        ended = true;
      }
    }
  }

  /** Whether a {@code ;} here ends the statement. */
  boolean semicolonEnds() {
    return !trigger || ended;
  }

  /** Starts over for the next statement. */
  void reset() {
    words = 0;
    trigger = false;
    inBody = false;
    ended = false;
    cases = 0;
  }
}
