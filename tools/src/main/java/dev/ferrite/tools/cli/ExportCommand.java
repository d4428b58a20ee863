package dev.ferrite.tools.cli;

import dev.ferrite.tools.csv.CsvExport;
import java.io.BufferedWriter;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ferrite export DB QUERY FILE}: a query's rows as CSV. The file is written under a
 * temporary name and renamed when complete, so a failed export never leaves a file that looks
 * whole.
 */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = {"Write the rows of a query as CSV (UTF-8, RFC 4180; '-' writes stdout), "
        + "with a header of column names unless --no-header. Numbers are bare, other values "
        + "quoted; NULL is an empty field, an empty string is \"\"."})
final class ExportCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "DB", description = "Database file or mem:NAME.")
  private String database;

  @Parameters(index = "1", paramLabel = "QUERY", description = "The SELECT whose rows to write.")
  private String query;

  @Parameters(index = "2", paramLabel = "FILE", description = "CSV file, or - for stdout.")
  private String file;

  @Mixin
  private CsvOptions csv;

  @Mixin
  private ConnectionOptions connection;

  @Override
  public Integer call() throws Exception {
    Io io = io();
    long started = System.nanoTime();
    if (file.equals("-")) {
      Writer out = new OutputStreamWriter(io.out(), StandardCharsets.UTF_8);
      export(io, out);
      out.flush();
      return ExitCodes.OK;
    }
    long rows;
    Path target = Path.of(file).toAbsolutePath();
    Path partial = target.resolveSibling("." + target.getFileName() + ".partial-"
        + ProcessHandle.current().pid());
    try {
      try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
        rows = export(io, out);
      }
      Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(partial);
    }
    io.out().printf("exported %,d rows to %s in %.1f s%n", rows, file,
        (System.nanoTime() - started) / 1e9);
    return ExitCodes.OK;
  }

  private long export(Io io, Writer out) throws Exception {
    try (Connection c = Jdbc.openExisting(database, Map.of("readonly", "true"),
            connection.options());
         Statement statement = c.createStatement();
         ResultSet rs = statement.executeQuery(query);
         Progress progress = Progress.bar(io, "exporting", 0)) {
      return CsvExport.run(rs, new BufferedWriter(out), csv.settings(),
          exported -> progress.update(exported, String.format("%,d rows", exported)));
    }
  }
}
