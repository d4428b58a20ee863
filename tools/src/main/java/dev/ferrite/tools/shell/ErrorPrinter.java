package dev.ferrite.tools.shell;

import dev.ferrite.engine.EngineException;
import java.io.PrintWriter;
import java.sql.SQLException;

/**
 * How SQL errors read: {@code ERROR [SQLSTATE]: message}; when the engine gave a position, the
 * line of the statement with a caret under it; for scripts, also the file, line and column, so
 * the editor can jump there:
 * <pre>
 * ERROR [42S22]: Column 'NOPE' not found in any table (line 2, column 7)
 *   at load.sql:14:7
 *   WHERE nope = 1
 *         ^
 * </pre>
 */
public final class ErrorPrinter {
  private ErrorPrinter() {}

  /** {@code ERROR [SQLSTATE]: message}. */
  public static String headline(SQLException e) {
    String state = e.getSQLState() == null ? "" : " [" + e.getSQLState() + "]";
    return "ERROR" + state + ": " + e.getMessage();
  }

  /**
   * Prints {@code e}, raised by {@code item}; {@code source} names the script it came from, or
   * is null for a statement typed or given with {@code -c}.
   */
  static void print(SQLException e, ScriptItem item, String source, PrintWriter err) {
    err.println(headline(e));
    EngineException position = position(e);
    if (position == null) {
      if (source != null) {
        err.println("  at " + source + ":" + item.line());
      }
      err.flush();
      return;
    }
    int line = position.line();
    int column = position.column();
    if (source != null) {
      err.println("  at " + source + ":" + (item.line() + line - 1) + ":"
          + (line == 1 ? item.column() + column - 1 : column));
    }
    String[] lines = item.text().split("\n", -1);
    if (line <= lines.length) {
      String text = lines[line - 1];
      err.println("  " + text);
      err.println("  " + caretIndent(text, column - 1) + "^");
    }
    err.flush();
  }

  /** Spaces up to the caret, keeping the line's tabs so the caret lines up under them. */
  private static String caretIndent(String text, int width) {
    StringBuilder indent = new StringBuilder();
    for (int i = 0; i < width && i < text.length(); i++) {
      indent.append(text.charAt(i) == '\t' ? '\t' : ' ');
    }
    return indent.toString();
  }

  /** The engine's exception behind {@code e} if it carries a position in the SQL text. */
  private static EngineException position(SQLException e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof EngineException engine && engine.line() > 0) {
        return engine;
      }
    }
    return null;
  }
}
