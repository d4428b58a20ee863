package dev.ferrite.tools.csv;

import static dev.ferrite.tools.schema.Identifiers.quote;

import dev.ferrite.tools.schema.ColumnInfo;
import dev.ferrite.tools.schema.Identifiers;
import dev.ferrite.tools.schema.SchemaReader;
import dev.ferrite.tools.shell.ErrorPrinter;
import dev.ferrite.tools.values.ValueParser;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Loads CSV records into a table with one prepared INSERT per record, so that any failure,
 * a conversion here or a constraint in the engine, is reported with the line it came from.
 * With a header, CSV columns map to table columns by name (exactly, or as an unquoted
 * identifier would: {@code price} finds {@code PRICE}); table columns the file lacks get their
 * defaults. Without one, fields map to the table's columns in order. Everything is one
 * transaction unless {@code batch} asks for a commit every so many rows.
 */
public final class CsvImport {
  /** Hears how many rows are in so far. */
  @FunctionalInterface
  public interface Listener {
    /** Called after every record. */
    void rows(long imported);
  }

  /**
   * What to do.
   *
   * @param csv the dialect (and whether there is a header)
   * @param batch commit every this many rows; 0 for one transaction
   * @param create create the table from the header, with VARCHAR columns, if it is missing
   */
  public record Options(CsvSettings csv, long batch, boolean create) {}

  private final Connection connection;
  private final Options options;
  private long committed;

  private CsvImport(Connection connection, Options options) {
    this.connection = connection;
    this.options = options;
  }

  /**
   * Imports {@code input} into {@code table}; returns the number of rows. On failure the rows
   * since the last commit are rolled back and the exception says how many were committed.
   */
  public static long run(Connection connection, String table, Reader input, Options options,
      Listener listener) throws SQLException, IOException, ImportException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    CsvImport load = new CsvImport(connection, options);
    try (CSVParser parser = headerFormat(options.csv()).parse(input)) {
      return load.records(parser, table, listener);
    } catch (ImportException | SQLException | IOException | RuntimeException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
  }

  private static org.apache.commons.csv.CSVFormat headerFormat(CsvSettings csv) {
    return csv.header() ? csv.format().builder().setHeader().setSkipHeaderRecord(true).get()
        : csv.format();
  }

  private long records(CSVParser parser, String typedTable, Listener listener)
      throws SQLException, ImportException {
    List<String> header = options.csv().header() ? parser.getHeaderNames() : null;
    String table = table(typedTable, header);
    List<ColumnInfo> columns = map(new SchemaReader(connection.getMetaData()).columns(table),
        header, table);
    String insert = "INSERT INTO " + quote(table) + " ("
        + columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "))
        + ") VALUES (" + "?, ".repeat(columns.size() - 1) + "?)";
    long rows = 0;
    try (PreparedStatement statement = connection.prepareStatement(insert)) {
      Iterator<CSVRecord> records = parser.iterator();
      while (true) {
        long line = parser.getCurrentLineNumber() + 1;
        CSVRecord record = next(records, line);
        if (record == null) {
          break;
        }
        insert(statement, record, columns, line);
        rows++;
        if (options.batch() > 0 && rows % options.batch() == 0) {
          connection.commit();
          committed = rows;
        }
        listener.rows(rows);
      }
    }
    connection.commit();
    return rows;
  }

  /** The next record, or null; a malformed one (an unclosed quote) fails with its line. */
  private CSVRecord next(Iterator<CSVRecord> records, long line) throws ImportException {
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      throw new ImportException(line, "", "malformed CSV: " + e.getMessage(), committed, e);
    }
  }

  private void insert(PreparedStatement statement, CSVRecord record, List<ColumnInfo> columns,
      long line) throws ImportException {
    if (record.size() != columns.size()) {
      throw new ImportException(line, "", record.size() + " fields, expected " + columns.size(),
          committed, null);
    }
    for (int i = 0; i < columns.size(); i++) {
      ColumnInfo column = columns.get(i);
      try {
        Object value = ValueParser.parse(record.get(i), column);
        if (value == null) {
          statement.setNull(i + 1, column.jdbcType());
        } else {
          statement.setObject(i + 1, value);
        }
      } catch (IllegalArgumentException | SQLException e) {
        throw new ImportException(line, "column " + (i + 1) + " (" + column.name() + ")",
            e.getMessage(), committed, e);
      }
    }
    try {
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new ImportException(line, "", ErrorPrinter.headline(e), committed, e);
    }
  }

  /** The stored name of the target table, created from the header if allowed. */
  private String table(String typed, List<String> header) throws SQLException, ImportException {
    Optional<String> existing = new SchemaReader(connection.getMetaData()).resolve(typed);
    if (existing.isPresent()) {
      return existing.get();
    }
    if (!options.create()) {
      throw new ImportException(1, "", "no table named " + typed
          + " (--create makes one from the CSV header)", 0, null);
    }
    if (header == null) {
      throw new ImportException(1, "", "--create needs a header to name the columns", 0, null);
    }
    String name = Identifiers.normalize(typed);
    String columns = header.stream().map(h -> quote(Identifiers.normalize(h)) + " VARCHAR")
        .collect(Collectors.joining(", "));
    try (Statement statement = connection.createStatement()) {
      statement.execute("CREATE TABLE " + quote(name) + " (" + columns + ")");
    }
    return name;
  }

  /** The table column each CSV field goes to. */
  private static List<ColumnInfo> map(List<ColumnInfo> columns, List<String> header,
      String table) throws ImportException {
    if (header == null) {
      return columns;
    }
    List<ColumnInfo> mapped = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      String name = header.get(i);
      Optional<ColumnInfo> column = columns.stream().filter(c -> c.name().equals(name))
          .findFirst().or(() -> columns.stream()
              .filter(c -> c.name().equals(Identifiers.normalize(name))).findFirst());
      if (column.isEmpty()) {
        throw new ImportException(1, "column " + (i + 1), "'" + name
            + "' is not a column of " + table + " (its columns: " + columns.stream()
                .map(ColumnInfo::name).collect(Collectors.joining(", ")) + ")", 0, null);
      }
      mapped.add(column.get());
    }
    return mapped;
  }
}
