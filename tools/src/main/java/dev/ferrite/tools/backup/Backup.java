package dev.ferrite.tools.backup;

import static dev.ferrite.tools.schema.Identifiers.quote;

import dev.ferrite.tools.schema.ColumnInfo;
import dev.ferrite.tools.schema.Ddl;
import dev.ferrite.tools.schema.IndexInfo;
import dev.ferrite.tools.schema.SchemaReader;
import dev.ferrite.tools.schema.TableInfo;
import dev.ferrite.tools.schema.TableRows;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Copies one consistent state of a database into an empty one. The source runs a single
 * read-only SERIALIZABLE transaction, which in Ferrite is one snapshot: every table is read as
 * of the same commit however long the copy takes and whatever writers commit meanwhile (they
 * are never blocked). Each table is created, filled in batches, then given its indexes (building
 * an index once is cheaper than maintaining it row by row), and its row count checked against
 * the snapshot's.
 *
 * <p>Not copied: views, because the driver's metadata does not give their SQL (reported in
 * {@link Result#skippedViews()}); an identity column's counter, which restarts after the
 * highest copied value.
 */
public final class Backup {
  /** Hears how the copy goes. */
  public interface Listener {
    /** Before the copy: the snapshot's row count of each table. */
    void started(Map<String, Long> rowsByTable);

    /** After each batch: rows copied so far, over all tables. */
    void copied(long rows);
  }

  /**
   * What was copied.
   *
   * @param tables tables copied
   * @param indexes secondary indexes rebuilt
   * @param rows rows copied
   * @param skippedViews views that exist in the source but not in the copy
   */
  public record Result(int tables, int indexes, long rows, List<String> skippedViews) {}

  private final Connection source;
  private final Connection target;
  private final int batchSize;
  private final Listener listener;
  private long copied;

  private Backup(Connection source, Connection target, int batchSize, Listener listener) {
    this.source = source;
    this.target = target;
    this.batchSize = batchSize;
    this.listener = listener;
  }

  /**
   * Copies {@code source} into {@code target} (a new, empty database), committing the target
   * every {@code batchSize} rows.
   */
  public static Result copy(Connection source, Connection target, int batchSize,
      Listener listener) throws SQLException {
    source.setReadOnly(true);
    source.setTransactionIsolation(Connection.TRANSACTION_SERIALIZABLE);
    source.setAutoCommit(false);
    target.setAutoCommit(false);
    try {
      return new Backup(source, target, batchSize, listener).run();
    } finally {
      source.rollback();
      target.rollback();
    }
  }

  private Result run() throws SQLException {
    pinSnapshot();
    SchemaReader schema = new SchemaReader(source.getMetaData());
    Map<String, Long> counts = new LinkedHashMap<>();
    for (String table : schema.tableNames()) {
      counts.put(table, TableRows.count(source, table));
    }
    listener.started(counts);
    int indexes = 0;
    for (Map.Entry<String, Long> entry : counts.entrySet()) {
      TableInfo table = schema.table(entry.getKey());
      indexes += copyTable(table, entry.getValue());
    }
    return new Result(counts.size(), indexes, copied, schema.viewNames());
  }

  /**
   * Runs the transaction's first statement, which fixes its snapshot. Metadata read before it
   * would describe the newest schema, not the snapshot's, and DDL committed in between would
   * make the two disagree.
   */
  private void pinSnapshot() throws SQLException {
    try (Statement statement = source.createStatement();
         ResultSet rs = statement.executeQuery("SELECT 1")) {
      rs.next();
    }
  }

  /** Creates, fills and indexes one table; returns the number of secondary indexes. */
  private int copyTable(TableInfo table, long expected) throws SQLException {
    execute(Ddl.createTable(table));
    target.commit();
    long rows = copyRows(table);
    if (rows != expected) {
      throw new SQLException("table " + table.name() + ": copied " + rows
          + " rows but the snapshot counted " + expected, "XX000");
    }
    List<IndexInfo> indexes = table.secondaryIndexes();
    for (IndexInfo index : indexes) {
      execute(Ddl.createIndex(table.name(), index));
    }
    target.commit();
    return indexes.size();
  }

  private long copyRows(TableInfo table) throws SQLException {
    List<ColumnInfo> columns = table.columns();
    String names = columns.stream().map(c -> quote(c.name())).collect(Collectors.joining(", "));
    String insert = "INSERT INTO " + quote(table.name()) + " (" + names + ") VALUES ("
        + "?, ".repeat(columns.size() - 1) + "?)";
    long rows = 0;
    try (Statement select = source.createStatement();
         ResultSet rs = select.executeQuery("SELECT " + names + " FROM " + quote(table.name()));
         PreparedStatement statement = target.prepareStatement(insert)) {
      while (rs.next()) {
        for (int i = 1; i <= columns.size(); i++) {
          Object value = rs.getObject(i);
          if (value == null) {
            statement.setNull(i, columns.get(i - 1).jdbcType());
          } else {
            statement.setObject(i, value);
          }
        }
        statement.addBatch();
        if (++rows % batchSize == 0) {
          flush(statement, batchSize);
        }
      }
      flush(statement, (int) (rows % batchSize));
    }
    return rows;
  }

  private void flush(PreparedStatement statement, int rows) throws SQLException {
    if (rows > 0) {
      statement.executeBatch();
      target.commit();
      copied += rows;
      listener.copied(copied);
    }
  }

  private void execute(String sql) throws SQLException {
    try (Statement statement = target.createStatement()) {
      statement.execute(sql);
    }
  }
}
