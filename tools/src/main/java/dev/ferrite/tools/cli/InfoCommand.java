package dev.ferrite.tools.cli;

import dev.ferrite.tools.admin.StoreFacts;
import dev.ferrite.tools.schema.SchemaReader;
import dev.ferrite.tools.schema.TableRows;
import dev.ferrite.tools.shell.ResultTable;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Map.Entry;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code ferrite info DB}: the file, its trees and durability, then its tables with row counts. */
@Command(name = "info", mixinStandardHelpOptions = true,
    description = {"Describe a database without changing it: format version, page size, file "
        + "size, last committed transaction, the durability decision recorded in its header, "
        + "its storage trees, then its tables and views with row counts."})
final class InfoCommand extends Subcommand {
  private static final boolean[] NAME_THEN_NUMBER = {false, true};

  @Parameters(index = "0", paramLabel = "DB", description = "Database file.")
  private Path database;

  @Mixin
  private ConnectionOptions connection;

  @Override
  public Integer call() throws Exception {
    Jdbc.requireFile(database.toString());
    PrintStream out = io().out();
    // The storage part first, and closed before JDBC opens the file: one JVM may not hold
    // two stores on the same file.
    StoreFacts facts = StoreFacts.read(database);
    printFacts(facts, out);
    PrintWriter writer = new PrintWriter(out, true);
    out.println();
    out.println("Trees:");
    ResultTable.print(List.of("Tree", "Entries"), NAME_THEN_NUMBER,
        rows(facts.treeEntries()), writer);
    try (Connection c = Jdbc.openExisting(database.toString(), Map.of("readonly", "true"),
        connection.options())) {
      out.println();
      out.println("Tables:");
      ResultTable.print(List.of("Table", "Rows"), NAME_THEN_NUMBER, tables(c), writer);
    }
    writer.flush();
    return ExitCodes.OK;
  }

  private void printFacts(StoreFacts facts, PrintStream out) {
    out.printf("%-19s %s%n", "file:", database.toAbsolutePath());
    out.printf("%-19s %d%n", "format version:", facts.formatVersion());
    out.printf("%-19s %s%n", "created:", facts.created());
    out.printf("%-19s %,d bytes%n", "page size:", facts.pageSize());
    out.printf("%-19s %,d bytes (%,d pages in use, %,d bytes)%n", "file size:",
        facts.fileLength(), facts.pageCount(), facts.pageCount() * facts.pageSize());
    out.printf("%-19s %d%n", "last transaction:", facts.lastCommittedTxnId());
    out.printf("%-19s %s%n", "commit log:", facts.logPages() == 0 ? "none (one fdatasync per commit)"
        : String.format("%,d pages", facts.logPages()));
    if (facts.recoveryNote() != null) {
      out.printf("%-19s %s%n", "recovery:", facts.recoveryNote());
    }
    out.println("durability (recorded at the last read-write open):");
    String record = facts.durabilityRecord() == null ? "(none recorded)"
        : facts.durabilityRecord();
    record.lines().forEach(line -> out.println("  " + line));
  }

  private static List<String[]> rows(Map<String, Long> counts) {
    List<String[]> rows = new ArrayList<>();
    for (Entry<String, Long> entry : counts.entrySet()) {
      rows.add(new String[] {entry.getKey(), String.valueOf(entry.getValue())});
    }
    return rows;
  }

  private static List<String[]> tables(Connection c) throws SQLException {
    SchemaReader schema = new SchemaReader(c.getMetaData());
    List<String[]> rows = new ArrayList<>();
    for (String table : schema.tableNames()) {
      rows.add(new String[] {table, String.valueOf(TableRows.count(c, table))});
    }
    for (String view : schema.viewNames()) {
      rows.add(new String[] {view + " (view)", String.valueOf(TableRows.count(c, view))});
    }
    return rows;
  }
}
