package dev.ferrite.engine;

import java.util.List;

/** Rows already in memory (EXPLAIN output). */
final class ListCursor implements RowCursor {
  private final List<ColumnMetadata> columns;
  private final List<String> lines;
  private int i = -1;

  ListCursor(List<ColumnMetadata> columns, List<String> lines) {
    this.columns = columns;
    this.lines = lines;
  }

  @Override public List<ColumnMetadata> columns() {
    return columns;
  }

  @Override public boolean next() {
    return ++i < lines.size();
  }

  @Override public Object get(int index) {
    return lines.get(i);
  }

  @Override public void close() {
    i = lines.size();
  }
}
