package dev.ferrite.tools.cli;

import dev.ferrite.tools.csv.CsvImport;
import dev.ferrite.tools.csv.ImportException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code ferrite import DB TABLE FILE}: CSV rows into a table. */
@Command(name = "import", mixinStandardHelpOptions = true,
    description = {"Load a CSV file (UTF-8, RFC 4180; '-' reads stdin) into TABLE. With a "
        + "header (the default) CSV columns go to the table columns of the same name; without, "
        + "to the table's columns in order. Values are converted to the column types; the first "
        + "bad value stops the import with its line and column.",
        "All rows are one transaction unless --batch commits every N rows."})
final class ImportCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "DB", description = "Database file or mem:NAME.")
  private String database;

  @Parameters(index = "1", paramLabel = "TABLE", description = "Table to load.")
  private String table;

  @Parameters(index = "2", paramLabel = "FILE", description = "CSV file, or - for stdin.")
  private String file;

  @Option(names = "--batch", paramLabel = "N", defaultValue = "0",
      description = "Commit every N rows (default: one transaction for the whole file).")
  private long batch;

  @Option(names = "--create",
      description = "Create TABLE (and DB) if missing, one VARCHAR column per header field.")
  private boolean create;

  @Mixin
  private CsvOptions csv;

  @Mixin
  private ConnectionOptions connection;

  @Override
  public Integer call() throws Exception {
    if (batch < 0) {
      throw new CommandFailure("--batch must not be negative");
    }
    Io io = io();
    boolean stdin = file.equals("-");
    long size = stdin ? 0 : Files.size(Path.of(file));
    long started = System.nanoTime();
    long rows;
    try (Connection c = create ? Jdbc.open(database, connection.options())
            : Jdbc.openExisting(database, Map.of(), connection.options());
         CountingInputStream bytes = new CountingInputStream(
             stdin ? io.in() : Files.newInputStream(Path.of(file)));
         Reader reader = new InputStreamReader(bytes, StandardCharsets.UTF_8);
         Progress bar = Progress.bar(io, "importing", size)) {
      rows = CsvImport.run(c, table, reader,
          new CsvImport.Options(csv.settings(), batch, create),
          imported -> bar.update(bytes.count(), String.format("%,d rows", imported)));
    } catch (ImportException e) {
      throw new CommandFailure(file + " " + e.getMessage() + (e.committedRows() > 0
          ? "; the " + e.committedRows() + " rows before it are committed (--batch), the rest "
              + "rolled back" : "; nothing was imported"), ExitCodes.FAILURE, e);
    }
    io.out().printf("imported %,d rows into %s from %s in %.1f s%n", rows, table, file,
        (System.nanoTime() - started) / 1e9);
    return ExitCodes.OK;
  }
}
