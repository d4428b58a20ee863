package dev.ferrite.engine;

import java.util.List;

/**
 * What running a statement produced: rows for a query, otherwise an update count and, for an
 * INSERT into a table with an identity column, the generated keys.
 */
public final class Result {
  private final RowCursor rows;
  private final long updateCount;
  private final List<Object[]> generatedKeys;
  private final List<ColumnMetadata> generatedKeyColumns;

  private Result(RowCursor rows, long updateCount, List<Object[]> generatedKeys,
      List<ColumnMetadata> generatedKeyColumns) {
    this.rows = rows;
    this.updateCount = updateCount;
    this.generatedKeys = generatedKeys;
    this.generatedKeyColumns = generatedKeyColumns;
  }

  /** A query result. */
  public static Result ofRows(RowCursor rows) {
    return new Result(rows, -1, List.of(), List.of());
  }

  /** An update count with generated keys (empty lists when there are none). */
  public static Result ofCount(long count, List<Object[]> generatedKeys, List<ColumnMetadata> keyColumns) {
    return new Result(null, count, generatedKeys, keyColumns);
  }

  /** Whether this result has rows. */
  public boolean isQuery() {
    return rows != null;
  }

  /** The rows, or null when this is not a query. */
  public RowCursor rows() {
    return rows;
  }

  /** Rows inserted, updated or deleted; 0 for DDL and transaction control; -1 for queries. */
  public long updateCount() {
    return updateCount;
  }

  /** One array per inserted row holding the values of {@link #generatedKeyColumns()}. */
  public List<Object[]> generatedKeys() {
    return generatedKeys;
  }

  /** The columns whose generated values {@link #generatedKeys()} holds. */
  public List<ColumnMetadata> generatedKeyColumns() {
    return generatedKeyColumns;
  }
}
