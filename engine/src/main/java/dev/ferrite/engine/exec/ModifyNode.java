package dev.ferrite.engine.exec;

import dev.ferrite.engine.table.OnConflict;
import dev.ferrite.engine.table.TableCodec;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.storage.Cursor;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * INSERT, UPDATE or DELETE of the rows its input produces. The input is read completely before
 * the first change (so a statement never sees its own changes: no Halloween problem).
 *
 * <p>Input rows: INSERT gets rows in table column order; DELETE gets the table's current rows;
 * UPDATE gets the current row followed by the new values of {@code updateColumns}. A row of a
 * table with a primary key is found by its key. A table without one stores rows under hidden
 * row ids the plan cannot see, so its rows are found by content: rows that are equal in every
 * column are indistinguishable to SQL and always updated or deleted together.
 *
 * <p>Each row is changed through {@link RowChanges}, which runs the table's row triggers around
 * it. An INSERT may resolve PRIMARY KEY and UNIQUE conflicts ({@link OnConflict}); its count is
 * then the rows inserted, not those replaced or skipped (SQLite's {@code changes()}).
 */
public final class ModifyNode implements PlanNode {
  /** Which statement. */
  public enum Operation { INSERT, UPDATE, DELETE }

  private final Operation operation;
  private final TableCodec codec;
  private final PlanNode input;
  private final int[] updateColumns;
  private final OnConflict conflict;

  public ModifyNode(Operation operation, TableCodec codec, PlanNode input, int[] updateColumns) {
    this(operation, codec, input, updateColumns, OnConflict.ABORT);
  }

  private ModifyNode(Operation operation, TableCodec codec, PlanNode input, int[] updateColumns,
      OnConflict conflict) {
    this.operation = operation;
    this.codec = codec;
    this.input = input;
    this.updateColumns = updateColumns;
    this.conflict = conflict;
  }

  /** This INSERT resolving conflicts as {@code onConflict} says (INSERT OR REPLACE / IGNORE). */
  public ModifyNode withConflict(OnConflict onConflict) {
    if (operation != Operation.INSERT) {
      throw new IllegalStateException("conflict resolution is for INSERT, not " + operation);
    }
    return new ModifyNode(operation, codec, input, updateColumns, onConflict);
  }

  /** Runs the change; identity values of inserted rows are added to {@code generatedKeys}. */
  public long run(ExecContext ctx, List<Object[]> generatedKeys) {
    List<Object[]> rows = Rows.materialize(input, ctx);
    RowChanges changes = new RowChanges(ctx, codec, updateColumns);
    int identity = codec.table().identityColumn();
    switch (operation) {
      case INSERT:
        long n = 0;
        for (Object[] r : rows) {
          ctx.checkCancelled();
          Object[] stored = changes.insert(r, conflict);
          if (stored == null) {
            continue;
          }
          n++;
          if (identity >= 0 && generatedKeys != null) {
            generatedKeys.add(new Object[] {stored[identity]});
          }
        }
        return n;
      case DELETE:
      case UPDATE:
        return codec.table().primaryKey() != null ? modifyByKey(ctx, changes, rows) : modifyByContent(ctx, changes, rows);
      default:
        throw new IllegalStateException();
    }
  }

  private int tableWidth() {
    return codec.table().columns().size();
  }

  private long modifyByKey(ExecContext ctx, RowChanges changes, List<Object[]> rows) {
    long n = 0;
    for (Object[] r : rows) {
      ctx.checkCancelled();
      byte[] key = codec.primaryKey(java.util.Arrays.copyOf(r, tableWidth()));
      // A row already deleted or moved by an earlier row of this statement (or a trigger) is gone.
      if (change(changes, key, null, r)) {
        n++;
      }
    }
    return n;
  }

  private boolean change(RowChanges changes, byte[] key, byte[] stored, Object[] input) {
    return operation == Operation.DELETE ? changes.delete(key, stored) : changes.update(key, stored, newRow(input));
  }

  private long modifyByContent(ExecContext ctx, RowChanges changes, List<Object[]> rows) {
    Map<RowKey, Object[]> targets = new HashMap<>();
    for (Object[] r : rows) {
      targets.put(new RowKey(java.util.Arrays.copyOf(r, tableWidth())), r);
    }
    if (targets.isEmpty()) {
      return 0;
    }
    List<byte[]> keys = new ArrayList<>();
    List<byte[]> values = new ArrayList<>();
    Cursor c = Storage.call(() -> ctx.txn().tree(codec.table().treeName()).cursor());
    for (boolean ok = c.first(); ok; ok = c.next()) {
      ctx.checkCancelled();
      keys.add(c.key());
      values.add(c.value());
    }
    long n = 0;
    for (int i = 0; i < keys.size(); i++) {
      Object[] current = codec.decodeRow(values.get(i));
      Object[] input = targets.get(new RowKey(current));
      if (input != null && change(changes, keys.get(i), values.get(i), input)) {
        n++;
      }
    }
    return n;
  }

  private Object[] newRow(Object[] input) {
    Object[] row = java.util.Arrays.copyOf(input, tableWidth());
    for (int i = 0; i < updateColumns.length; i++) {
      row[updateColumns[i]] = input[tableWidth() + i];
    }
    return row;
  }

  @Override public RowSource open(ExecContext ctx) {
    long n = run(ctx, null);
    return new RowSource() {
      boolean done;

      @Override public Object[] next() {
        if (done) {
          return null;
        }
        done = true;
        return new Object[] {n};
      }
    };
  }

  @Override public String describe() {
    return operation + (conflict == OnConflict.ABORT ? "" : " OR " + conflict) + "(" + codec.table().name() + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public int width() {
    return 1;
  }
}
