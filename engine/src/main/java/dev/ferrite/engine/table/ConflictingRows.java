package dev.ferrite.engine.table;

import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.storage.Cursor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the stored rows a new row would collide with: the row under the same primary key, and
 * for each UNIQUE index the row with the same values in its columns (a NULL among them never
 * collides). One new row can collide with several rows, one per constraint.
 */
public final class ConflictingRows {
  private ConflictingRows() {
  }

  /** Storage keys of the rows {@code row}, to be stored under {@code key}, conflicts with. */
  static List<byte[]> find(EngineTransaction txn, TableCodec codec, Object[] row, byte[] key) {
    TableDef table = codec.table();
    List<byte[]> keys = new ArrayList<>();
    if (table.primaryKey() != null && txn.get(table.treeName(), key) != null) {
      keys.add(key);
    }
    for (IndexDef index : table.indexes()) {
      byte[] other = index.unique() ? holderOf(txn, codec, index, row) : null;
      if (other != null && keys.stream().noneMatch(k -> Arrays.equals(k, other))) {
        keys.add(other);
      }
    }
    return keys;
  }

  /**
   * The storage key of the stored row that has {@code row}'s values in the columns of
   * {@code index}, or null: no such row, or a NULL among those values (a NULL never collides).
   * The first entry at or after the columns' prefix is the only candidate.
   */
  public static byte[] holderOf(EngineTransaction txn, TableCodec codec, IndexDef index,
      Object[] row) {
    for (int i = 0; i < index.width(); i++) {
      if (row[index.column(i)] == null) {
        return null;
      }
    }
    byte[] prefix = codec.indexColumns(index, row, null);
    Cursor c = Storage.call(() -> txn.tree(index.treeName()).cursor());
    if (!Storage.call(() -> c.seek(prefix))) {
      return null;
    }
    byte[] k = c.key();
    boolean same = k.length >= prefix.length
        && Arrays.equals(k, 0, prefix.length, prefix, 0, prefix.length);
    return same ? c.value() : null;
  }
}
