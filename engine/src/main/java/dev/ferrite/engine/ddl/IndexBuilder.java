package dev.ferrite.engine.ddl;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.table.ConflictingRows;
import dev.ferrite.engine.table.TableCodec;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.storage.Cursor;
import java.util.ArrayList;
import java.util.List;

/** Fills a secondary index from its table's rows (CREATE INDEX) or rebuilds it (REINDEX). */
final class IndexBuilder {
  private final EngineTransaction txn;
  private final int maxKeyLength;

  IndexBuilder(EngineTransaction txn, int maxKeyLength) {
    this.txn = txn;
    this.maxKeyLength = maxKeyLength;
  }

  /** Adds an entry for every existing row; a duplicate in a unique index fails the statement. */
  void fill(TableDef table, IndexDef index) {
    TableCodec codec = new TableCodec(table, maxKeyLength);
    Cursor c = Storage.call(() -> txn.tree(table.treeName()).cursor());
    for (boolean ok = c.first(); ok; ok = c.next()) {
      byte[] key = c.key();
      Object[] row = codec.decodeRow(c.value());
      if (index.unique() && ConflictingRows.holderOf(txn, codec, index, row) != null) {
        throw new EngineException(SqlStates.UNIQUE_VIOLATION, "cannot create unique index " + index.name()
            + ": table " + table.name() + " has duplicate values in its columns");
      }
      txn.put(index.treeName(), codec.indexColumns(index, row, key), key, null);
    }
  }

  /**
   * Deletes every entry of the index and fills it again from the table. Entries are deleted one
   * by one through the transaction, so the undo log can restore them if the statement fails.
   */
  void rebuild(TableDef table, IndexDef index) {
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    Cursor c = Storage.call(() -> txn.tree(index.treeName()).cursor());
    for (boolean ok = c.first(); ok; ok = c.next()) {
      keys.add(c.key());
      values.add(c.value());
    }
    for (int i = 0; i < keys.size(); i++) {
      txn.delete(index.treeName(), keys.get(i), values.get(i));
    }
    fill(table, index);
  }

}
