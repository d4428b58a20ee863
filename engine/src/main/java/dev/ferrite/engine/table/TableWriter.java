package dev.ferrite.engine.table;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.type.Values;
import java.util.Arrays;
import java.util.List;

/**
 * Changes rows of one table inside a write transaction, keeping every index in step and
 * enforcing NOT NULL (23502), column types and lengths (22xxx), PRIMARY KEY and UNIQUE (23505).
 * A UNIQUE index allows any number of rows with a NULL in an indexed column, as the standard says.
 * An INSERT may resolve conflicts instead of failing ({@link OnConflict}).
 */
public final class TableWriter {
  private final EngineTransaction txn;
  private final TableCodec codec;
  private final TableDef table;
  private final int identity;
  private final String identitySequence;
  private final String rowIdSequence;

  /** Creates a writer for one statement. */
  public TableWriter(EngineTransaction txn, TableCodec codec) {
    this.txn = txn;
    this.codec = codec;
    this.table = codec.table();
    this.identity = table.identityColumn();
    this.identitySequence = "identity." + table.id();
    this.rowIdSequence = "rowid." + table.id();
  }

  public TableDef table() {
    return table;
  }

  /**
   * Inserts {@code row} (table column order); an identity column given NULL takes the next
   * sequence value. Returns the row as stored.
   */
  public Object[] insert(Object[] row) {
    return insert(row, OnConflict.ABORT);
  }

  /**
   * Inserts {@code row} as {@link #insert(Object[])} does, resolving a conflict with existing
   * rows as {@code conflict} says. Returns the row as stored, or null when it was skipped.
   */
  public Object[] insert(Object[] row, OnConflict conflict) {
    Object[] r = normalize(row);
    if (identity >= 0) {
      if (r[identity] == null) {
        r[identity] = txn.nextSequenceValue(identitySequence);
      } else {
        txn.observeSequenceValue(identitySequence, (Long) r[identity]);
      }
    }
    if (conflict != OnConflict.ABORT && !resolveNulls(r, conflict)) {
      return null;
    }
    checkNotNull(r);
    byte[] key = table.primaryKey() != null ? codec.primaryKey(r)
        : TableCodec.rowIdKey(txn.nextSequenceValue(rowIdSequence));
    if (conflict != OnConflict.ABORT) {
      List<byte[]> others = ConflictingRows.find(txn, codec, r, key);
      if (!others.isEmpty() && conflict == OnConflict.IGNORE) {
        return null;
      }
      for (byte[] other : others) {
        byte[] stored = txn.get(table.treeName(), other);
        delete(other, codec.decodeRow(stored), stored);
      }
    }
    for (IndexDef index : table.indexes()) {
      if (index.unique()) {
        checkUnique(index, r, key);
      }
    }
    if (!txn.insert(table.treeName(), key, codec.encodeRow(r))) {
      throw duplicate(table.primaryKey(), r);
    }
    for (IndexDef index : table.indexes()) {
      txn.put(index.treeName(), codec.indexColumns(index, r, key), key, null);
    }
    return r;
  }

  /** Deletes the row stored under {@code key} whose current contents are {@code row}. */
  public void delete(byte[] key, Object[] row, byte[] storedValue) {
    for (IndexDef index : table.indexes()) {
      txn.delete(index.treeName(), codec.indexColumns(index, row, key), key);
    }
    txn.delete(table.treeName(), key, storedValue);
  }

  /**
   * Replaces the row stored under {@code key} (contents {@code oldRow}) with {@code newRow}; a
   * changed primary key moves the row. Returns the row as stored.
   */
  public Object[] update(byte[] key, Object[] oldRow, byte[] storedValue, Object[] newRow) {
    Object[] r = normalize(newRow);
    checkNotNull(r);
    byte[] newKey = key;
    if (table.primaryKey() != null) {
      newKey = codec.primaryKey(r);
      if (!Arrays.equals(newKey, key) && txn.get(table.treeName(), newKey) != null) {
        throw duplicate(table.primaryKey(), r);
      }
    }
    boolean moved = !Arrays.equals(newKey, key);
    for (IndexDef index : table.indexes()) {
      byte[] oldEntry = codec.indexColumns(index, oldRow, key);
      byte[] newEntry = codec.indexColumns(index, r, newKey);
      if (!Arrays.equals(oldEntry, newEntry)) {
        txn.delete(index.treeName(), oldEntry, key);
        if (index.unique()) {
          checkUnique(index, r, newKey);
        }
        txn.put(index.treeName(), newEntry, newKey, null);
      }
    }
    if (moved) {
      txn.delete(table.treeName(), key, storedValue);
      txn.put(table.treeName(), newKey, codec.encodeRow(r), null);
    } else {
      txn.put(table.treeName(), key, codec.encodeRow(r), storedValue);
    }
    return r;
  }

  /** {@code row} with each value cast to its column's type, as it would be stored. */
  public Object[] normalize(Object[] row) {
    Object[] r = new Object[table.columns().size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = Values.cast(i < row.length ? row[i] : null, table.columns().get(i).type());
    }
    return r;
  }

  /**
   * For REPLACE, a NULL in a NOT NULL column takes the column's default if it has one; for
   * IGNORE, returns false: the row is to be skipped.
   */
  private boolean resolveNulls(Object[] r, OnConflict conflict) {
    for (int i = 0; i < r.length; i++) {
      ColumnDef c = table.columns().get(i);
      if (r[i] == null && !c.nullable()) {
        if (conflict == OnConflict.IGNORE) {
          return false;
        }
        r[i] = c.defaultValue();
      }
    }
    return true;
  }

  private void checkNotNull(Object[] r) {
    for (int i = 0; i < r.length; i++) {
      ColumnDef c = table.columns().get(i);
      if (r[i] == null && !c.nullable()) {
        throw new EngineException(SqlStates.NOT_NULL_VIOLATION,
            "NULL not allowed for column " + c.name() + " of table " + table.name());
      }
    }
  }

  private void checkUnique(IndexDef index, Object[] r, byte[] key) {
    byte[] holder = ConflictingRows.holderOf(txn, codec, index, r);
    if (holder != null && !Arrays.equals(holder, key)) {
      throw duplicate(index, r);
    }
  }

  private EngineException duplicate(IndexDef index, Object[] r) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < index.width(); i++) {
      if (i > 0) {
        sb.append(", ");
      }
      sb.append(table.columns().get(index.column(i)).name()).append('=').append(r[index.column(i)]);
    }
    String what = index.primaryKey() ? "primary key" : "unique index " + index.name();
    return new EngineException(SqlStates.UNIQUE_VIOLATION,
        "duplicate key (" + sb + ") violates " + what + " of table " + table.name());
  }
}
