package dev.ferrite.engine;

import dev.ferrite.engine.exec.RowSource;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.txn.SharedSnapshot;
import java.util.List;

/** Rows of a query, read from the operator tree on demand; closing it ends an autocommit query's snapshot. */
final class QueryCursor implements RowCursor {
  private final List<ColumnMetadata> columns;
  private final RowSource rows;
  private final long maxRows;
  private final EngineTransaction own;
  private final SharedSnapshot snapshot;
  private Object[] current;
  private long count;
  private boolean closed;

  QueryCursor(List<ColumnMetadata> columns, RowSource rows, long maxRows, EngineTransaction own,
      SharedSnapshot snapshot) {
    this.columns = columns;
    this.rows = rows;
    this.maxRows = maxRows;
    this.own = own;
    this.snapshot = snapshot;
  }

  @Override public List<ColumnMetadata> columns() {
    return columns;
  }

  @Override public boolean next() {
    if (closed) {
      return false;
    }
    if (maxRows > 0 && count >= maxRows) {
      close();
      return false;
    }
    try {
      current = Guard.run(rows::next);
    } catch (RuntimeException | Error e) {
      close();
      throw e;
    }
    if (current == null) {
      close();
      return false;
    }
    count++;
    return true;
  }

  @Override public Object get(int index) {
    if (current == null) {
      throw new EngineException("24000", "no current row");
    }
    return current[index];
  }

  @Override public void close() {
    if (closed) {
      return;
    }
    closed = true;
    try {
      rows.close();
    } finally {
      if (snapshot != null) {
        snapshot.release();
      }
      if (own != null) {
        own.rollback();
      }
    }
  }
}
