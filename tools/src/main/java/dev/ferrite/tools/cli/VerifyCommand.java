package dev.ferrite.tools.cli;

import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.tools.admin.CatalogCheck;
import dev.ferrite.tools.admin.StorageCheck;
import dev.ferrite.tools.shell.ErrorPrinter;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code ferrite verify DB}: the storage check (pages, trees, free space, the newest commit),
 * then the SQL check (every table, index and view readable and consistent). Exit 0 when
 * healthy, 2 when anything is wrong, each problem listed.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
    description = {"Check a database completely, without changing it: every page's checksum "
        + "and structure, every tree, the free-space accounting, the newest commit; then every "
        + "table through SQL, each index counted against its table, every view.",
        "Exit status 0 when healthy, 2 when corrupt (each problem is listed)."})
final class VerifyCommand extends Subcommand {
  @Parameters(index = "0", paramLabel = "DB", description = "Database file.")
  private Path database;

  @Mixin
  private ConnectionOptions connection;

  @Override
  public Integer call() throws Exception {
    Jdbc.requireFile(database.toString());
    Io io = io();
    PrintStream out = io.out();
    out.println("verifying " + database);
    StorageCheck storage = null;
    String unopenable = null;
    Progress spinner = Progress.spinner(io, "checking pages and trees");
    try {
      storage = StorageCheck.run(database);
    } catch (StorageException e) {
      if (e.code() != StorageErrorCode.CORRUPT && e.code() != StorageErrorCode.NOT_A_DATABASE) {
        throw e;
      }
      unopenable = e.getMessage();
    } finally {
      spinner.close();
    }
    if (storage == null) {
      out.println("CORRUPT: cannot open " + database + ": " + unopenable);
      return ExitCodes.CORRUPT;
    }
    IntegrityReport report = storage.report();
    if (report != null) {
      out.printf("storage: transaction %d, %,d pages (%,d in trees, %,d free), %d trees, "
          + "%,d entries%n", report.txnId(), report.pageCount(), report.treePages(),
          report.freePages(), report.trees(), report.entries());
    }
    List<String> problems = new ArrayList<>(storage.problems());
    checkCatalog(io, problems);
    if (problems.isEmpty()) {
      out.println("OK: " + database + " is healthy");
      return ExitCodes.OK;
    }
    out.println("CORRUPT: " + problems.size() + (problems.size() == 1 ? " problem" : " problems")
        + " in " + database + ":");
    problems.forEach(p -> out.println("  - " + p));
    return ExitCodes.CORRUPT;
  }

  private void checkCatalog(Io io, List<String> problems) {
    CatalogCheck catalog;
    try (Connection c = Jdbc.openExisting(database.toString(), Map.of("readonly", "true"),
            connection.options());
         Progress bar = Progress.bar(io, "checking tables", 0)) {
      catalog = CatalogCheck.run(c, (done, total, name) -> {
        bar.total(total);
        bar.update(done, name);
      });
    } catch (SQLException e) {
      problems.add("the tables cannot be checked through SQL: " + ErrorPrinter.headline(e));
      return;
    }
    // Printed after the bar is gone: the two would share a line on a terminal.
    catalog.checked().forEach(line -> io.out().println("  " + line));
    problems.addAll(catalog.problems());
  }
}
