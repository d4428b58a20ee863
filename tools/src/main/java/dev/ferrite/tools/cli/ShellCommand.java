package dev.ferrite.tools.cli;

import dev.ferrite.tools.shell.Outcome;
import dev.ferrite.tools.shell.Shell;
import dev.ferrite.tools.shell.ShellSession;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import org.jline.terminal.Terminal;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrite shell [DB]}: the SQL shell, interactive or running a script. */
@Command(name = "shell", mixinStandardHelpOptions = true,
    description = {"Run SQL against a database: interactively (line editing, history in "
        + "~/.ferrite_history, Tab completion, \\help for meta-commands), or a script with -f, "
        + "one command with -c, or statements piped to stdin.",
        "Statements end with ';'. A script stops at its first error (exit status 1)."})
final class ShellCommand extends Subcommand {
  @Parameters(index = "0", arity = "0..1", defaultValue = "./ferrite.db", paramLabel = "DB",
      description = "Database file (created if missing) or mem:NAME. Default: ${DEFAULT-VALUE}.")
  private String database;

  @ArgGroup(exclusive = true)
  private Input input;

  @Mixin
  private ConnectionOptions connection;

  /** Where statements come from instead of the terminal. */
  static final class Input {
    @Option(names = "-c", paramLabel = "SQL",
        description = "Run SQL (one or more ';'-separated statements) and exit.")
    String command;

    @Option(names = "-f", paramLabel = "FILE", description = "Run the statements in FILE and exit.")
    Path file;
  }

  @Override
  public Integer call() throws Exception {
    Io io = io();
    try (Connection c = Jdbc.open(database, connection.options())) {
      if (input == null && io.stdinIsTerminal()) {
        return interactive(io, c);
      }
      ShellSession session = new ShellSession(c, new PrintWriter(io.out(), true),
          new PrintWriter(io.err(), true));
      Outcome outcome;
      if (input != null && input.command != null) {
        outcome = session.runScript(new StringReader(input.command), null);
      } else if (input != null) {
        try (Reader script = Files.newBufferedReader(input.file, StandardCharsets.UTF_8)) {
          outcome = session.runScript(script, input.file.toString());
        }
      } else {
        outcome = session.runScript(new InputStreamReader(io.in(), StandardCharsets.UTF_8),
            "stdin");
      }
      return outcome == Outcome.ERROR ? ExitCodes.FAILURE : ExitCodes.OK;
    }
  }

  private int interactive(Io io, Connection c) throws Exception {
    try (Terminal terminal = io.terminals().open()) {
      ShellSession session = new ShellSession(c, terminal.writer(), terminal.writer());
      String name = Jdbc.isMemory(database) ? database
          : Path.of(database).getFileName().toString();
      new Shell(session, terminal, io.historyFile(), name).run(
          new VersionProvider().getVersion()[0] + " shell on " + database
              + ". \\help for help, \\q to quit.");
    }
    return ExitCodes.OK;
  }
}
