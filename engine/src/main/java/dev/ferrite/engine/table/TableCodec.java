package dev.ferrite.engine.table;

import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.row.ByteSink;
import dev.ferrite.engine.row.KeyCodec;
import dev.ferrite.engine.row.RowCodec;
import dev.ferrite.engine.type.SqlType;

/**
 * Row and key bytes for one table definition. A table with a primary key stores each row under
 * its primary-key encoding; a table without one under an 8-byte hidden row id. Secondary index
 * entries are {@code index columns ++ row key -> row key}. Immutable and thread-safe.
 */
public final class TableCodec {
  private final TableDef table;
  private final SqlType[] types;
  private final Object[] defaults;
  private final int maxKeyLength;
  /** Columns {@link #decodeRow} fills (null: all); the others are left null. */
  private final boolean[] decoded;

  /** Creates the codec of {@code table} for a store accepting keys up to {@code maxKeyLength}. */
  public TableCodec(TableDef table, int maxKeyLength) {
    this.table = table;
    this.maxKeyLength = maxKeyLength;
    this.decoded = null;
    int n = table.columns().size();
    types = new SqlType[n];
    defaults = new Object[n];
    for (int i = 0; i < n; i++) {
      ColumnDef c = table.columns().get(i);
      types[i] = c.type().type();
      defaults[i] = c.defaultValue();
    }
  }

  private TableCodec(TableCodec full, boolean[] decoded) {
    this.table = full.table;
    this.maxKeyLength = full.maxKeyLength;
    this.types = full.types;
    this.defaults = full.defaults;
    this.decoded = decoded;
  }

  /**
   * This codec, decoding only the columns flagged in {@code columns} (for a scan whose consumers
   * read only those: skipping a string or decimal saves creating it, and decoding stops after the
   * last flagged column).
   */
  public TableCodec decodingOnly(boolean[] columns) {
    return new TableCodec(this, columns.clone());
  }

  public TableDef table() {
    return table;
  }

  public int maxKeyLength() {
    return maxKeyLength;
  }

  /** Encodes a full row value. */
  public byte[] encodeRow(Object[] row) {
    return RowCodec.encode(row, types, new ByteSink());
  }

  /** Decodes a stored row; columns added after it was written take their defaults. */
  public Object[] decodeRow(byte[] value) {
    return RowCodec.decode(value, types, defaults, decoded);
  }

  /** The storage key of {@code row} in a table with a primary key. */
  public byte[] primaryKey(Object[] row) {
    return indexColumns(table.primaryKey(), row, null);
  }

  /** The storage key for hidden row id {@code rowId}. */
  public static byte[] rowIdKey(long rowId) {
    ByteSink sink = new ByteSink();
    sink.putLong(rowId ^ Long.MIN_VALUE);
    return sink.toArray();
  }

  /** {@code index} columns of {@code row}, followed by {@code suffix} when not null. */
  public byte[] indexColumns(IndexDef index, Object[] row, byte[] suffix) {
    ByteSink sink = new ByteSink();
    for (int i = 0; i < index.width(); i++) {
      int c = index.column(i);
      KeyCodec.encode(sink, row[c], types[c], index.descending(i));
    }
    if (suffix != null) {
      sink.put(suffix, 0, suffix.length);
    }
    return KeyCodec.checkLength(sink.toArray(), maxKeyLength, "index " + index.name());
  }

  /** Encodes key values (one per leading index column) for a search bound. */
  public byte[] boundKey(IndexDef index, Object[] values, int count) {
    ByteSink sink = new ByteSink();
    for (int i = 0; i < count; i++) {
      int c = index.column(i);
      KeyCodec.encode(sink, values[i], types[c], index.descending(i));
    }
    return sink.toArray();
  }

  /** Column types in table order. */
  public SqlType type(int column) {
    return types[column];
  }
}
