package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import dev.ferrite.engine.table.TableCodec;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.storage.Cursor;
import java.util.List;

/** Reads every row of a table in primary-key (or row id) order, keeping those the filter accepts. */
public final class TableScanNode implements PlanNode {
  private final TableCodec codec;
  private final Expr filter;
  private final String filterText;

  /** Creates a scan; {@code filter} may be null. */
  public TableScanNode(TableCodec codec, Expr filter, String filterText) {
    this.codec = codec;
    this.filter = filter;
    this.filterText = filterText;
  }

  public TableCodec codec() {
    return codec;
  }

  @Override public RowSource open(ExecContext ctx) {
    Cursor c = Storage.call(() -> ctx.txn().tree(codec.table().treeName()).cursor());
    return new RowSource() {
      boolean started;

      @Override public Object[] next() {
        while (true) {
          boolean ok = started ? c.next() : c.first();
          started = true;
          if (!ok) {
            return null;
          }
          ctx.checkCancelled();
          Object[] row = codec.decodeRow(c.value());
          if (filter == null || Boolean.TRUE.equals(filter.eval(row, ctx))) {
            return row;
          }
        }
      }
    };
  }

  @Override public String describe() {
    return "TableScan(" + codec.table().name() + (filterText == null ? "" : ", filter=" + filterText) + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of();
  }

  @Override public int width() {
    return codec.table().columns().size();
  }
}
