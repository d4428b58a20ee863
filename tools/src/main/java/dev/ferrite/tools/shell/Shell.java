package dev.ferrite.tools.shell;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

/**
 * The interactive shell: JLine line editing with history (kept in a file across sessions),
 * statements over several lines until {@code ;}, Tab completion, and Ctrl-C cancelling the
 * running statement (at the prompt it discards the line). Ctrl-D, {@code \q}, {@code quit} and
 * {@code exit} leave.
 */
public final class Shell {
  private final ShellSession session;
  private final Terminal terminal;
  private final Path historyFile;
  private final String prompt;

  /**
   * A shell for {@code session} on {@code terminal}; {@code name} (the database) is shown in
   * the prompt.
   */
  public Shell(ShellSession session, Terminal terminal, Path historyFile, String name) {
    this.session = session;
    this.terminal = terminal;
    this.historyFile = historyFile;
    this.prompt = name + "> ";
  }

  /** Reads and runs commands until the user leaves. */
  public void run(String banner) {
    LineReader reader = LineReaderBuilder.builder()
        .terminal(terminal)
        .appName("ferrite")
        .parser(new SqlLineParser())
        .completer(new SqlCompleter(session.connection()))
        .variable(LineReader.HISTORY_FILE, historyFile)
        .variable(LineReader.SECONDARY_PROMPT_PATTERN, " ".repeat(prompt.length() - 3) + "-> ")
        // '!' is SQL's "not equal" (!=), not a history reference.
        .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
        .option(LineReader.Option.CASE_INSENSITIVE, true)
        .build();
    terminal.handle(Terminal.Signal.INT, signal -> session.cancel());
    terminal.writer().println(banner);
    terminal.flush();
    try {
      while (readAndRun(reader)) {
        // One command per turn.
      }
    } finally {
      saveHistory(reader);
    }
  }

  /** Reads one command and runs it; false when the user leaves. */
  private boolean readAndRun(LineReader reader) {
    String line;
    try {
      line = reader.readLine(prompt);
    } catch (UserInterruptException e) {
      return true;
    } catch (EndOfFileException e) {
      return false;
    }
    if (SqlLineParser.isQuit(line)) {
      return false;
    }
    try {
      return session.runScript(new StringReader(line), null) != Outcome.QUIT;
    } catch (RuntimeException e) {
      // A driver or engine bug must not end the session and lose the user's connection state.
      terminal.writer().println("ERROR: internal error: " + e);
      terminal.flush();
      return true;
    }
  }

  private void saveHistory(LineReader reader) {
    try {
      reader.getHistory().save();
    } catch (IOException e) {
      // Losing history is no reason to fail a session whose work is already committed.
      terminal.writer().println("warning: cannot save history to " + historyFile + ": "
          + e.getMessage());
      terminal.flush();
    }
  }
}
