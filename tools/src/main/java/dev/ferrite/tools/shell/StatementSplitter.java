package dev.ferrite.tools.shell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.io.UncheckedIOException;

/**
 * Cuts a script into {@link ScriptItem}s as it reads it (a dump of a million INSERTs is never
 * held whole): statements end at a {@code ;} outside literals, quoted identifiers and comments;
 * a line starting with {@code \} between statements is a meta-command. A last statement without
 * {@code ;} is still returned at the end of the input.
 */
public final class StatementSplitter {
  private final BufferedReader reader;
  private final SqlLexer lexer = new SqlLexer();
  private final StringBuilder pending = new StringBuilder();
  /** Line and column where {@link #pending} begins. */
  private int pendingLine = 1;
  private int pendingColumn = 1;
  /** Caches that pending has a significant character: once true it stays so. */
  private boolean pendingHasCode;
  /** The rest of the current line not yet scanned, and where it starts. */
  private String line;
  private int lineNumber;
  private int offset;
  private boolean eof;
  private boolean finished;
  /** Set at the end of the input if text after the last terminator was left unterminated. */
  private boolean unterminated;

  /** A splitter over {@code script}. */
  public StatementSplitter(Reader script) {
    this.reader = script instanceof BufferedReader buffered ? buffered : new BufferedReader(script);
  }

  /** The next statement or meta-command, or null at the end of the script. */
  public ScriptItem next() {
    try {
      while (true) {
        if (line == null && !readLine()) {
          return finalStatement();
        }
        if (offset == 0 && !lexer.open() && !hasCode() && line.stripLeading().startsWith("\\")) {
          ScriptItem meta = new ScriptItem(true, line.strip(), lineNumber,
              line.indexOf('\\') + 1);
          line = null;
          resetPending(lineNumber + 1, 1);
          return meta;
        }
        ScriptItem statement = scanLine();
        if (statement != null) {
          return statement;
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private boolean readLine() throws IOException {
    if (eof) {
      return false;
    }
    line = reader.readLine();
    if (line == null) {
      eof = true;
      return false;
    }
    lineNumber++;
    offset = 0;
    return true;
  }

  /** Scans the rest of the line; returns a statement if one ends on it. */
  private ScriptItem scanLine() {
    while (offset < line.length()) {
      char c = line.charAt(offset++);
      if (lexer.terminates(c)) {
        ScriptItem item = statement();
        resetPending(lineNumber, offset + 1);
        if (item != null) {
          return item;
        }
      } else {
        pending.append(c);
      }
    }
    pending.append('\n');
    lexer.terminates('\n');
    line = null;
    return null;
  }

  /**
   * What is left at the end of the input: a statement without {@code ;} still runs (an
   * unclosed literal in it then gets the engine's error, rather than vanishing).
   */
  private ScriptItem finalStatement() {
    if (finished) {
      return null;
    }
    finished = true;
    unterminated = hasCode() || lexer.open();
    ScriptItem item = hasCode() ? statement() : null;
    resetPending(lineNumber + 1, 1);
    return item;
  }

  /** The pending text as a statement, or null if it is only whitespace and comments. */
  private ScriptItem statement() {
    int start = SqlLexer.start(pending);
    if (start == pending.length()) {
      return null;
    }
    int line = pendingLine;
    int column = pendingColumn;
    for (int i = 0; i < start; i++) {
      if (pending.charAt(i) == '\n') {
        line++;
        column = 1;
      } else {
        column++;
      }
    }
    return new ScriptItem(false, pending.substring(start).stripTrailing(), line, column);
  }

  private boolean hasCode() {
    if (!pendingHasCode) {
      pendingHasCode = SqlLexer.start(pending) < pending.length();
    }
    return pendingHasCode;
  }

  private void resetPending(int line, int column) {
    pending.setLength(0);
    pendingHasCode = false;
    pendingLine = line;
    pendingColumn = column;
  }

  /**
   * Whether {@code text} typed at the prompt is ready to run: blank, a meta-command, or SQL
   * whose last statement is terminated (nothing but whitespace and comments after the last
   * {@code ;}, no literal or comment left open).
   */
  public static boolean isComplete(String text) {
    StatementSplitter splitter = new StatementSplitter(new StringReader(text));
    while (splitter.next() != null) {
      // Statements that end are complete; what matters is what is left after the last one.
    }
    return !splitter.unterminated;
  }
}
