package dev.ferrite.jdbc;

import dev.ferrite.engine.RowCursor;
import java.sql.SQLException;

/**
 * A TYPE_FORWARD_ONLY result set streaming rows from the engine's {@link RowCursor}: nothing is
 * buffered, each {@code next()} asks the engine for one row. The cursor is closed as soon as it
 * is exhausted (so the engine can end the read snapshot early) or the result set is closed.
 */
final class CursorResultSet extends AbstractResultSet {
  private RowCursor cursor;
  private int row;
  private boolean onRow;
  /** True when isBeforeFirst had to look ahead and the cursor already stands on row 1. */
  private boolean peeked;

  CursorResultSet(FerriteStatement statement, RowCursor cursor) {
    super(statement, cursor.columns());
    this.cursor = cursor;
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (peeked) {
      peeked = false;
      row++;
      onRow = true;
      return true;
    }
    if (cursor == null) {
      onRow = false;
      return false;
    }
    if (advance()) {
      row++;
      onRow = true;
      return true;
    }
    onRow = false;
    release();
    return false;
  }

  /**
   * Moves the engine cursor on, marked busy like an execution: producing the next row may be the
   * long part of a query, and a close from another thread must wait for it (see
   * FerriteConnection.close).
   */
  private boolean advance() throws SQLException {
    FerriteConnection connection = statement.connection;
    connection.enter();
    try {
      return cursor.next();
    } catch (RuntimeException e) {
      throw fail(e);
    } finally {
      connection.exit();
    }
  }

  @Override
  Object current(int index) throws SQLException {
    if (!onRow) {
      throw noCurrentRow();
    }
    try {
      return cursor.get(index);
    } catch (RuntimeException e) {
      throw fail(e);
    }
  }

  private SQLException fail(RuntimeException e) {
    return statement.error(e);
  }

  @Override
  void release() {
    RowCursor c = cursor;
    cursor = null;
    if (c != null) {
      try {
        c.close();
      } catch (RuntimeException ignored) {
        // Closing a cursor releases resources; a failure there must not hide the caller's work.
      }
    }
  }

  /** Whether the engine cursor is still open (the statement cancels through it). */
  boolean streaming() {
    return cursor != null;
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_FORWARD_ONLY;
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return onRow ? row : 0;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    if (row > 0 || peeked) {
      return peeked;
    }
    if (cursor == null) {
      return false;
    }
    // Only a look-ahead can tell "before the first row" from "no rows at all".
    peeked = advance();
    if (!peeked) {
      release();
    }
    return peeked;
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return row > 0 && !onRow && cursor == null && !peeked;
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return onRow && row == 1;
  }

  @Override
  public boolean isLast() throws SQLException {
    throw forwardOnly("isLast");
  }

  private SQLException forwardOnly(String method) throws SQLException {
    checkOpen();
    return new SQLException(method + " needs a scrollable result set; this one is TYPE_FORWARD_ONLY"
        + " (ask for TYPE_SCROLL_INSENSITIVE)", SqlExceptions.SEQUENCE_ERROR);
  }

  @Override
  public void beforeFirst() throws SQLException {
    throw forwardOnly("beforeFirst");
  }

  @Override
  public void afterLast() throws SQLException {
    throw forwardOnly("afterLast");
  }

  @Override
  public boolean first() throws SQLException {
    throw forwardOnly("first");
  }

  @Override
  public boolean last() throws SQLException {
    throw forwardOnly("last");
  }

  @Override
  public boolean absolute(int r) throws SQLException {
    throw forwardOnly("absolute");
  }

  @Override
  public boolean relative(int rows) throws SQLException {
    throw forwardOnly("relative");
  }

  @Override
  public boolean previous() throws SQLException {
    throw forwardOnly("previous");
  }
}
