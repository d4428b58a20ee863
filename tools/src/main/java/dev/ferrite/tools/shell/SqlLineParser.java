package dev.ferrite.tools.shell;

import java.util.Locale;
import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;

/**
 * Tells JLine when the typed text is a whole command. Enter on an unterminated statement (no
 * {@code ;} yet, or a literal or comment still open) raises {@link EOFError}, which makes JLine
 * continue the same buffer on a new line: the statement is edited, and kept in history, as one.
 * Words for completion are SQL identifiers (qualified ones such as {@code t.col} included), not
 * shell words, and a backslash is not an escape (it starts meta-commands).
 */
final class SqlLineParser extends DefaultParser {
  SqlLineParser() {
    escapeChars(new char[0]);
  }

  @Override
  public ParsedLine parse(String line, int cursor, ParseContext context) {
    if (context == ParseContext.ACCEPT_LINE && !isQuit(line)
        && !StatementSplitter.isComplete(line)) {
      throw new EOFError(-1, -1, "statement not terminated", ";");
    }
    return super.parse(line, cursor, context);
  }

  /** {@code quit} and {@code exit}, which need no {@code ;} (what people type to leave). */
  static boolean isQuit(String line) {
    String word = line.strip().toLowerCase(Locale.ROOT);
    if (word.endsWith(";")) {
      word = word.substring(0, word.length() - 1).strip();
    }
    return word.equals("quit") || word.equals("exit");
  }

  @Override
  public boolean isDelimiterChar(CharSequence buffer, int pos) {
    char c = buffer.charAt(pos);
    return !(Character.isLetterOrDigit(c) || c == '_' || c == '.' || c == '$' || c == '\\');
  }
}
