package dev.ferrite.engine.exec;

import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.table.OnConflict;
import dev.ferrite.engine.table.TableCodec;
import dev.ferrite.engine.table.TableWriter;

/**
 * The row changes of one INSERT, UPDATE or DELETE statement: each row is written through a
 * {@link TableWriter}, with the table's BEFORE triggers run just before it and its AFTER triggers
 * just after (SQLite's FOR EACH ROW semantics). A table without triggers takes the direct path.
 *
 * <p>A BEFORE trigger may change or delete the very row about to be changed (SQLite leaves the
 * outcome undefined); the row is read again after it, so the write starts from what is stored
 * and indexes stay consistent, and a row the trigger deleted is skipped.
 */
final class RowChanges {
  private final ExecContext ctx;
  private final TableCodec codec;
  private final TableDef table;
  private final TableWriter writer;
  private final boolean triggered;
  private final int[] assigned;

  RowChanges(ExecContext ctx, TableCodec codec, int[] assigned) {
    this.ctx = ctx;
    this.codec = codec;
    this.table = codec.table();
    this.writer = new TableWriter(ctx.txn(), codec);
    this.triggered = !ctx.txn().catalog().triggersOn(table.name()).isEmpty();
    this.assigned = assigned;
  }

  /** Inserts {@code row}; returns it as stored, or null when {@code conflict} skipped it. */
  Object[] insert(Object[] row, OnConflict conflict) {
    if (!triggered) {
      return writer.insert(row, conflict);
    }
    Object[] values = writer.normalize(row);
    fire(TriggerDef.Event.INSERT, TriggerDef.Timing.BEFORE, null, values);
    Object[] stored = writer.insert(values, conflict);
    if (stored != null) {
      fire(TriggerDef.Event.INSERT, TriggerDef.Timing.AFTER, null, stored);
    }
    return stored;
  }

  /**
   * Deletes the row under {@code key}, whose stored value the caller read as {@code stored}
   * (null: read it here). Returns false when the row is no longer there.
   */
  boolean delete(byte[] key, byte[] stored) {
    byte[] value = triggered || stored == null ? ctx.txn().get(table.treeName(), key) : stored;
    if (value == null) {
      return false;
    }
    Object[] old = codec.decodeRow(value);
    if (triggered) {
      fire(TriggerDef.Event.DELETE, TriggerDef.Timing.BEFORE, old, null);
      value = ctx.txn().get(table.treeName(), key);
      if (value == null) {
        return false;
      }
      old = codec.decodeRow(value);
    }
    writer.delete(key, old, value);
    if (triggered) {
      fire(TriggerDef.Event.DELETE, TriggerDef.Timing.AFTER, old, null);
    }
    return true;
  }

  /**
   * Replaces the row under {@code key} (stored value {@code stored}, or null: read it here) with
   * {@code newRow}. Returns false when the row is no longer there.
   */
  boolean update(byte[] key, byte[] stored, Object[] newRow) {
    byte[] value = triggered || stored == null ? ctx.txn().get(table.treeName(), key) : stored;
    if (value == null) {
      return false;
    }
    Object[] old = codec.decodeRow(value);
    if (triggered) {
      fire(TriggerDef.Event.UPDATE, TriggerDef.Timing.BEFORE, old, writer.normalize(newRow));
      value = ctx.txn().get(table.treeName(), key);
      if (value == null) {
        return false;
      }
      old = codec.decodeRow(value);
    }
    Object[] written = writer.update(key, old, value, newRow);
    if (triggered) {
      fire(TriggerDef.Event.UPDATE, TriggerDef.Timing.AFTER, old, written);
    }
    return true;
  }

  private void fire(TriggerDef.Event event, TriggerDef.Timing timing, Object[] oldRow, Object[] newRow) {
    ctx.triggers().fire(table, event, timing, oldRow, newRow, assigned);
  }
}
