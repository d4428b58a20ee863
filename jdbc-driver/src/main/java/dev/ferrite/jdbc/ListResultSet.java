package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.RowCursor;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A TYPE_SCROLL_INSENSITIVE result set over rows held in memory: a query's rows read in full
 * when it ran (later changes by others are not seen, hence "insensitive"), generated keys, and
 * every DatabaseMetaData result. Rows hold engine value classes, so the getters convert exactly
 * as for a streamed result.
 */
final class ListResultSet extends AbstractResultSet {
  private final List<Object[]> rows;
  /** 0 before the first row, rows.size() + 1 after the last. */
  private int position;

  ListResultSet(FerriteStatement statement, List<ColumnMetadata> columns, List<Object[]> rows) {
    super(statement, columns);
    this.rows = rows;
  }

  /** Reads every row of {@code cursor} and closes it. */
  static ListResultSet materialize(FerriteStatement statement, RowCursor cursor) throws SQLException {
    List<ColumnMetadata> columns = cursor.columns();
    int n = columns.size();
    List<Object[]> rows = new ArrayList<>();
    statement.connection.enter();
    try (cursor) {
      while (cursor.next()) {
        Object[] row = new Object[n];
        for (int i = 0; i < n; i++) {
          row[i] = cursor.get(i);
        }
        rows.add(row);
      }
    } catch (RuntimeException e) {
      throw statement.error(e);
    } finally {
      statement.connection.exit();
    }
    return new ListResultSet(statement, columns, rows);
  }

  @Override
  Object current(int index) throws SQLException {
    if (position < 1 || position > rows.size()) {
      throw noCurrentRow();
    }
    return rows.get(position - 1)[index];
  }

  @Override
  void release() {
    // Nothing outside the heap to give back.
  }

  @Override
  public boolean next() throws SQLException {
    checkOpen();
    if (position <= rows.size()) {
      position++;
    }
    return position <= rows.size();
  }

  @Override
  public int getType() throws SQLException {
    checkOpen();
    return TYPE_SCROLL_INSENSITIVE;
  }

  @Override
  public int getRow() throws SQLException {
    checkOpen();
    return position >= 1 && position <= rows.size() ? position : 0;
  }

  @Override
  public boolean isBeforeFirst() throws SQLException {
    checkOpen();
    return position == 0 && !rows.isEmpty();
  }

  @Override
  public boolean isAfterLast() throws SQLException {
    checkOpen();
    return position > rows.size() && !rows.isEmpty();
  }

  @Override
  public boolean isFirst() throws SQLException {
    checkOpen();
    return position == 1 && !rows.isEmpty();
  }

  @Override
  public boolean isLast() throws SQLException {
    checkOpen();
    return position == rows.size() && !rows.isEmpty();
  }

  @Override
  public void beforeFirst() throws SQLException {
    checkOpen();
    position = 0;
  }

  @Override
  public void afterLast() throws SQLException {
    checkOpen();
    position = rows.size() + 1;
  }

  @Override
  public boolean first() throws SQLException {
    return absolute(1);
  }

  @Override
  public boolean last() throws SQLException {
    return absolute(-1);
  }

  @Override
  public boolean absolute(int row) throws SQLException {
    checkOpen();
    int size = rows.size();
    if (row > 0) {
      position = Math.min(row, size + 1);
    } else if (row < 0) {
      // -1 is the last row; past the first row it stops before the first.
      position = Math.max(0, size + 1 + row);
    } else {
      position = 0;
    }
    return position >= 1 && position <= size;
  }

  @Override
  public boolean relative(int delta) throws SQLException {
    checkOpen();
    long target = (long) position + delta;
    position = (int) Math.max(0, Math.min(rows.size() + 1L, target));
    return position >= 1 && position <= rows.size();
  }

  @Override
  public boolean previous() throws SQLException {
    checkOpen();
    if (position > 0) {
      position--;
    }
    return position >= 1 && position <= rows.size();
  }
}
