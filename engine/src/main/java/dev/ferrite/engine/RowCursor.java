package dev.ferrite.engine;

import java.util.List;

/**
 * Rows of a query, read forward one at a time. Values are the engine's value classes (see
 * {@link dev.ferrite.engine.type.SqlType}); SQL NULL is {@code null}. Not thread-safe. Reading
 * after the owning transaction ends raises an error; close it when done.
 */
public interface RowCursor extends AutoCloseable {
  /** The columns of every row. */
  List<ColumnMetadata> columns();

  /** Advances to the next row; false at the end. */
  boolean next();

  /** Value of column {@code index} (0-based) of the current row. */
  Object get(int index);

  /** Releases the cursor. Idempotent. */
  @Override
  void close();
}
