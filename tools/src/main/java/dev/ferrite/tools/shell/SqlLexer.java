package dev.ferrite.tools.shell;

/**
 * Tells, character by character, whether SQL text is inside a string literal, a quoted
 * identifier or a comment, so that a {@code ;} there does not end a statement. A doubled quote
 * inside a literal ({@code 'it''s'}) needs no look-ahead: it closes the literal and opens it
 * again. The words of the code go to a {@link TriggerBody}, since the statements inside a
 * CREATE TRIGGER's BEGIN ... END end with {@code ;} too.
 */
final class SqlLexer {
  private enum Mode { CODE, STRING, IDENTIFIER, LINE_COMMENT, BLOCK_COMMENT }

  private Mode mode = Mode.CODE;
  private char previous;
  private final StringBuilder word = new StringBuilder();
  private final TriggerBody trigger = new TriggerBody();

  /** Feeds {@code c}; returns true if it is a statement-ending {@code ;}. */
  boolean terminates(char c) {
    char before = previous;
    previous = c;
    switch (mode) {
      case STRING:
        if (c == '\'') {
          mode = Mode.CODE;
        }
        return false;
      case IDENTIFIER:
        if (c == '"') {
          mode = Mode.CODE;
        }
        return false;
      case LINE_COMMENT:
        if (c == '\n') {
          mode = Mode.CODE;
        }
        return false;
      case BLOCK_COMMENT:
        if (c == '/' && before == '*') {
          mode = Mode.CODE;
          previous = 0;
        }
        return false;
      default:
        return code(c, before);
    }
  }

  private boolean code(char c, char before) {
    if (Character.isLetterOrDigit(c) || c == '_' || c == '$') {
      word.append(c);
      return false;
    }
    if (word.length() > 0) {
      trigger.word(word.toString());
      word.setLength(0);
    }
    if (c == '\'') {
      mode = Mode.STRING;
    } else if (c == '"') {
      mode = Mode.IDENTIFIER;
    } else if (c == '-' && before == '-') {
      mode = Mode.LINE_COMMENT;
    } else if (c == '*' && before == '/') {
      mode = Mode.BLOCK_COMMENT;
      // "/*/" must not close the comment it just opened.
      previous = 0;
    }
    if (c != ';' || mode != Mode.CODE || !trigger.semicolonEnds()) {
      return false;
    }
    trigger.reset();
    return true;
  }

  /** Whether the text fed so far ends inside a literal, quoted identifier or block comment. */
  boolean open() {
    return mode == Mode.STRING || mode == Mode.IDENTIFIER || mode == Mode.BLOCK_COMMENT;
  }

  /**
   * Where the first significant character of {@code text} is: past whitespace and comments, or
   * {@code text.length()} if there is none.
   */
  static int start(CharSequence text) {
    int i = 0;
    int n = text.length();
    while (i < n) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
      } else if (c == '-' && i + 1 < n && text.charAt(i + 1) == '-') {
        while (i < n && text.charAt(i) != '\n') {
          i++;
        }
      } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
        int end = text.toString().indexOf("*/", i + 2);
        i = end < 0 ? n : end + 2;
      } else {
        return i;
      }
    }
    return n;
  }
}
