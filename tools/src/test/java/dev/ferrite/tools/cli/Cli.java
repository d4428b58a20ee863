package dev.ferrite.tools.cli;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.ferrite.tools.shell.VirtualScreen;
import java.nio.file.Path;

/**
 * Runs the real {@code ferrite} command line in-process, as a user would from a shell script:
 * stdin given (or empty), stdout and stderr captured, no terminal.
 */
final class Cli {
  /** What a run printed and its exit status. */
  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  private Cli() {}

  /** {@code ferrite args...} with empty stdin. */
  static Result run(String... args) {
    return runWithInput("", false, args);
  }

  /**
   * {@code ferrite args...} with stdout and stderr on one terminal, as a person sees them:
   * progress bars on, the screen rendered (redraws applied). Returns the screen.
   */
  static String runOnTerminal(String... args) {
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    PrintStream both = new PrintStream(screen, true, StandardCharsets.UTF_8);
    Io io = new Io(new ByteArrayInputStream(new byte[0]), both, both, false, true, () -> {
      throw new AssertionError("no terminal in a non-interactive run");
    }, Path.of("/nonexistent/history"));
    FerriteMain.commandLine(io).execute(args);
    return VirtualScreen.render(screen.toString(StandardCharsets.UTF_8), 200);
  }

  /** {@code ferrite args...} with {@code stdin}; {@code stderrTerminal} turns progress bars on. */
  static Result runWithInput(String stdin, boolean stderrTerminal, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    Io io = new Io(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false, stderrTerminal,
        () -> {
          throw new AssertionError("no terminal in a non-interactive run");
        }, Path.of("/nonexistent/history"));
    int exit = FerriteMain.commandLine(io).execute(args);
    return new Result(exit, out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8));
  }
}
