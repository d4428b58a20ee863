package dev.ferrite.tools.cli;

import dev.ferrite.tools.backup.Backup;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code ferrite backup DB DEST}: a consistent copy of one snapshot into a new database. The
 * copy is written under a temporary name beside DEST and renamed when complete, so DEST never
 * exists half-written.
 */
@Command(name = "backup", mixinStandardHelpOptions = true,
    description = {"Copy a database into a new database file DEST, consistently: every table as "
        + "of one snapshot, while writers in the same process go on committing. Tables, "
        + "columns, defaults, identity columns, primary keys and indexes are recreated; views "
        + "are listed as not copied (the driver's metadata does not give their SQL).",
        "Another process holding DB (an application using it) keeps it locked: run backups "
        + "from that application (dev.ferrite.tools.backup.Backup) or while it is stopped."})
final class BackupCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "DB", description = "Database to copy.")
  private String database;

  @Parameters(index = "1", paramLabel = "DEST", description = "New database file; must not exist.")
  private Path destination;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "10000",
      description = "Rows per insert batch and commit in DEST (default ${DEFAULT-VALUE}).")
  private int batch;

  @Mixin
  private ConnectionOptions connection;

  @Override
  public Integer call() throws Exception {
    if (Files.exists(destination)) {
      throw new CommandFailure(destination + " already exists; backup never overwrites a file");
    }
    if (batch <= 0) {
      throw new CommandFailure("--batch must be positive");
    }
    Path partial = destination.toAbsolutePath().resolveSibling(
        "." + destination.getFileName() + ".partial-" + ProcessHandle.current().pid());
    long started = System.nanoTime();
    Backup.Result result;
    try {
      result = copy(partial);
      // Not REPLACE_EXISTING: a DEST created meanwhile is left alone, and this fails instead.
      Files.move(partial, destination);
    } finally {
      Files.deleteIfExists(partial);
    }
    PrintStream out = io().out();
    out.printf("backed up %s to %s: %d tables, %,d rows, %d indexes in %.1f s%n", database,
        destination, result.tables(), result.rows(), result.indexes(),
        (System.nanoTime() - started) / 1e9);
    if (!result.skippedViews().isEmpty()) {
      out.println("not copied (the driver's metadata gives no view SQL): views "
          + String.join(", ", result.skippedViews()));
    }
    return ExitCodes.OK;
  }

  private Backup.Result copy(Path partial) throws java.sql.SQLException {
    Io io = io();
    // Read-write like any other user of the file, so that it shares the open database with
    // writers in this JVM; the backup's own session is read-only.
    try (Connection source = Jdbc.openExisting(database, Map.of(), connection.options());
         Connection target = Jdbc.open(partial.toString(), Map.of());
         Progress bar = Progress.bar(io, "copying", 0)) {
      return Backup.copy(source, target, batch, new Backup.Listener() {
        @Override
        public void started(Map<String, Long> rowsByTable) {
          bar.total(rowsByTable.values().stream().mapToLong(Long::longValue).sum());
        }

        @Override
        public void copied(long rows) {
          bar.update(rows, String.format("%,d rows", rows));
        }
      });
    }
  }
}
