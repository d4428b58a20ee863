package dev.ferrite.tools.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/**
 * The {@code ferrite} command: picocli dispatches to one subcommand per task. Everything a
 * command prints goes through an {@link Io}, so tests run {@link #commandLine(Io)} in-process
 * with captured streams.
 */
@Command(name = "ferrite", mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Ferrite: an embedded SQL database on a persistent-memory-style file.",
    subcommands = {ShellCommand.class, InfoCommand.class, VerifyCommand.class,
        BackupCommand.class, ImportCommand.class, ExportCommand.class, ProbeCommand.class},
    footer = {"", "Exit status: 0 success, 1 failure, 2 database corrupt, 64 usage error."})
public final class FerriteMain implements Runnable {
  private final Io io;

  @Spec
  private CommandSpec spec;

  @Option(names = "--debug", scope = ScopeType.INHERIT,
      description = "Print the stack trace of a failure.")
  private boolean debug;

  private FerriteMain(Io io) {
    this.io = io;
  }

  /** Runs {@code ferrite} with the process's streams and exits with its status. */
  public static void main(String[] args) {
    // One line per log record (the storage layer warns through java.util.logging), not JUL's two.
    if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
      System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
    }
    System.exit(commandLine(Io.system()).execute(args));
  }

  /** The command line over {@code io}, ready to {@code execute(args)}. */
  public static CommandLine commandLine(Io io) {
    FerriteMain main = new FerriteMain(io);
    CommandLine commandLine = new CommandLine(main);
    commandLine.setOut(new PrintWriter(io.out(), true));
    commandLine.setErr(new PrintWriter(io.err(), true));
    commandLine.setExecutionExceptionHandler(new FailureHandler(io, main));
    setUsageExitCode(commandLine);
    return commandLine;
  }

  private static void setUsageExitCode(CommandLine commandLine) {
    commandLine.getCommandSpec().exitCodeOnInvalidInput(ExitCodes.USAGE);
    commandLine.getSubcommands().values().forEach(FerriteMain::setUsageExitCode);
  }

  /** Without a subcommand there is nothing to do: say what there is. */
  @Override
  public void run() {
    throw new ParameterException(spec.commandLine(), "missing command (shell, info, verify, "
        + "backup, import, export, probe)");
  }

  /** The streams and terminals the subcommands use. */
  Io io() {
    return io;
  }

  /** Whether failures print their stack trace. */
  boolean debug() {
    return debug;
  }
}
