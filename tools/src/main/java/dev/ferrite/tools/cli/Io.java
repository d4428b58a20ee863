package dev.ferrite.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The world a command talks to: its standard streams, whether they are terminals, where the
 * interactive shell gets its terminal and keeps its history. {@link #system()} is the real one;
 * tests build their own with captured streams and a JLine terminal over pipes, so the commands
 * run unchanged in-process.
 *
 * @param in standard input (scripts piped to the shell)
 * @param out standard output (results, reports)
 * @param err standard error (errors, progress)
 * @param stdinIsTerminal whether a person is typing: the shell then runs interactively
 * @param stderrIsTerminal whether progress bars may redraw themselves on stderr
 * @param terminals opens the terminal of an interactive shell
 * @param historyFile where the shell keeps its line history
 */
public record Io(InputStream in, PrintStream out, PrintStream err, boolean stdinIsTerminal,
    boolean stderrIsTerminal, TerminalOpener terminals, Path historyFile) {

  /** Opens the terminal an interactive shell reads from and writes to. */
  @FunctionalInterface
  public interface TerminalOpener {
    /** A new terminal; the caller closes it. */
    Terminal open() throws IOException;
  }

  /**
   * The process's own streams, the system terminal, and the history file named by the
   * environment variable {@code FERRITE_HISTORY}, by default {@code ~/.ferrite_history}.
   */
  public static Io system() {
    String history = System.getenv("FERRITE_HISTORY");
    return new Io(System.in, System.out, System.err, isTerminal(0), isTerminal(2),
        () -> TerminalBuilder.builder().system(true).name("ferrite").build(),
        history != null && !history.isBlank() ? Path.of(history)
            : Path.of(System.getProperty("user.home"), ".ferrite_history"));
  }

  /**
   * Whether file descriptor {@code fd} is a terminal. Linux tells through /proc (the storage
   * layer needs Linux anyway); {@code System.console()} would only say whether stdin and stdout
   * both are, and the shell needs stdin alone, progress bars stderr alone.
   */
  private static boolean isTerminal(int fd) {
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/" + fd)).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException e) {
      return System.console() != null;
    }
  }
}
