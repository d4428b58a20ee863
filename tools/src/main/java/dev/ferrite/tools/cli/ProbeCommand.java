package dev.ferrite.tools.cli;

import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.durability.PersistenceProbe;
import dev.ferrite.tools.admin.CommitCost;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferrite probe [DIR]}: where this platform's persistence boundary lies for DIR, the
 * backend a database there would use and why, and what a durable commit costs there, measured
 * on a scratch database that is deleted afterwards.
 */
@Command(name = "probe", mixinStandardHelpOptions = true,
    description = {"Find where a commit becomes durable for files in DIR (MAP_SYNC, the "
        + "persistence domain, the mount), which durability backend 'auto' picks and why, and "
        + "measure one durable commit there: the median of single-row autocommit INSERTs into "
        + "a scratch database in DIR, deleted afterwards."})
final class ProbeCommand extends Subcommand {
  @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "DIR",
      description = "Directory to probe (default: the current one).")
  private Path directory;

  @Option(names = "--commits", paramLabel = "N", defaultValue = "200",
      description = "Commits to time (default ${DEFAULT-VALUE}).")
  private int commits;

  @Option(names = "--durability", paramLabel = "BACKEND", defaultValue = "auto",
      description = "Backend to measure: auto, page, msync, dax, fence, none "
          + "(default ${DEFAULT-VALUE}).")
  private String durability;

  @Override
  public Integer call() throws Exception {
    if (!Files.isDirectory(directory)) {
      throw new CommandFailure("not a directory: " + directory);
    }
    if (commits <= 0) {
      throw new CommandFailure("--commits must be positive");
    }
    Durability backend;
    try {
      backend = Durability.parse(durability);
    } catch (IllegalArgumentException e) {
      throw new CommandFailure(e.getMessage());
    }
    PrintStream out = io().out();
    Path dir = directory.toAbsolutePath().normalize();
    out.println("Persistence boundary of " + dir + ":");
    indent(PersistenceProbe.probe(dir).report(), out);
    Path scratch = dir.resolve(".ferrite-probe-" + ProcessHandle.current().pid() + ".db");
    try {
      out.println();
      out.println("A database here with durability=" + backend.label() + " uses:");
      out.println(selection(scratch, backend));
      out.println();
      out.printf("Cost of one durable commit (%d single-row autocommit INSERTs through JDBC):%n",
          commits);
      CommitCost cost;
      Progress spinner = Progress.spinner(io(), "committing");
      try (Connection c = Jdbc.open(scratch.toString(), Map.of("durability", backend.label()))) {
        cost = CommitCost.measure(c, commits);
      } finally {
        spinner.close();
      }
      out.println("  " + cost.summary());
    } finally {
      Files.deleteIfExists(scratch);
    }
    return ExitCodes.OK;
  }

  /** The backend, reason, guarantee and commit path the store chooses for {@code scratch}. */
  private static String selection(Path scratch, Durability backend) {
    try (Store store = Store.open(scratch, StoreOptions.defaults().withDurability(backend))) {
      DurabilitySelector.Selection s = store.durability();
      return "  backend: " + s.backend().kind().label() + (s.forcedPmem() ? " (FORCED pmem)" : "")
          + "\n  why: " + s.reason()
          + "\n  guarantee: " + s.backend().guarantee()
          + "\n  commit: " + s.backend().writePath(s.forcedPmem()).describe();
    }
  }

  private static void indent(String text, PrintStream out) {
    text.lines().forEach(line -> out.println("  " + line));
  }
}
