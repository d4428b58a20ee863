package dev.ferrite.engine.exec;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.expr.Expr;
import dev.ferrite.engine.table.TableCodec;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.Values;
import dev.ferrite.storage.Cursor;
import dev.ferrite.storage.Tree;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * Reads the rows of a table through an index (the primary key or a secondary index) between
 * search bounds: equality values for a prefix of the index columns, then an optional range on
 * the next column. Bounds are expressions (literals or {@code ?} parameters) evaluated when the
 * scan opens, so one cached plan serves every parameter value. The bounds only narrow the
 * scan; the full condition is still checked on every row ({@code filter}), which keeps NULLs,
 * descending columns and rounded bounds exact. An equality on every primary-key column is a
 * single point lookup.
 */
public final class IndexScanNode implements PlanNode {
  private final TableCodec codec;
  private final IndexDef index;
  private final Expr[] equal;
  private final Expr lower;
  private final Expr upper;
  private final Expr filter;
  private final String boundsText;
  private final String filterText;
  private final ColumnType[] keyTypes;

  /** Creates an index scan; {@code lower}, {@code upper} and {@code filter} may be null. */
  public IndexScanNode(TableCodec codec, IndexDef index, Expr[] equal, Expr lower, Expr upper,
      Expr filter, String boundsText, String filterText) {
    this.codec = codec;
    this.index = index;
    this.equal = equal;
    this.lower = lower;
    this.upper = upper;
    this.filter = filter;
    this.boundsText = boundsText;
    this.filterText = filterText;
    keyTypes = new ColumnType[index.width()];
    for (int i = 0; i < keyTypes.length; i++) {
      keyTypes[i] = codec.table().columns().get(index.column(i)).type();
    }
  }

  /** Whether this is a point lookup on the whole primary key. */
  public boolean isPointLookup() {
    return index.primaryKey() && equal.length == index.width();
  }

  @Override public RowSource open(ExecContext ctx) {
    Object[] eq = new Object[index.width()];
    for (int i = 0; i < equal.length; i++) {
      Object v = castOrNull(equal[i].eval(null, ctx), keyTypes[i]);
      if (v == NO_VALUE) {
        return () -> null; // a value no row of this column can equal
      }
      eq[i] = v;
    }
    String tableTree = codec.table().treeName();
    if (isPointLookup()) {
      byte[] key = codec.boundKey(index, eq, equal.length);
      return new RowSource() {
        boolean done;

        @Override public Object[] next() {
          if (done) {
            return null;
          }
          done = true;
          byte[] v = ctx.txn().get(tableTree, key);
          if (v == null) {
            return null;
          }
          Object[] row = codec.decodeRow(v);
          return filter == null || Boolean.TRUE.equals(filter.eval(row, ctx)) ? row : null;
        }
      };
    }
    byte[] prefix = codec.boundKey(index, eq, equal.length);
    byte[] start = prefix;
    byte[] end = equal.length > 0 ? prefix : null;
    int k = equal.length;
    if (k < index.width() && (lower != null || upper != null)) {
      boolean desc = index.descending(k);
      byte[] lo = rangeKey(lower, ctx, eq, k);
      byte[] hi = rangeKey(upper, ctx, eq, k);
      byte[] byteLow = desc ? hi : lo;
      byte[] byteHigh = desc ? lo : hi;
      if (byteLow != null) {
        start = byteLow;
      }
      if (byteHigh != null) {
        end = byteHigh;
      }
    }
    Tree tree = ctx.txn().tree(index.treeName());
    Cursor c = Storage.call(tree::cursor);
    byte[] startKey = start;
    byte[] endKey = end;
    boolean secondary = !index.primaryKey();
    return new RowSource() {
      boolean started;

      @Override public Object[] next() {
        while (true) {
          boolean ok = started ? c.next() : (startKey.length == 0 ? c.first() : c.seek(startKey));
          started = true;
          if (!ok) {
            return null;
          }
          ctx.checkCancelled();
          // Keys are compared in the page, not copied: this runs once per row of every range scan.
          if (endKey != null && c.compareKey(endKey) > 0 && !startsWith(c.keyView(), endKey)) {
            return null;
          }
          byte[] value = c.value();
          if (secondary) {
            value = ctx.txn().get(tableTree, value);
            if (value == null) {
              throw new EngineException("XX001", "index " + index.name() + " points at a missing row");
            }
          }
          Object[] row = codec.decodeRow(value);
          if (filter == null || Boolean.TRUE.equals(filter.eval(row, ctx))) {
            return row;
          }
        }
      }
    };
  }

  private static final Object NO_VALUE = new Object();

  private static Object castOrNull(Object v, ColumnType type) {
    try {
      return Values.cast(v, type);
    } catch (EngineException e) {
      return NO_VALUE;
    }
  }

  private byte[] rangeKey(Expr bound, ExecContext ctx, Object[] eq, int k) {
    if (bound == null) {
      return null;
    }
    Object v = bound.eval(null, ctx);
    if (v == null) {
      return null;
    }
    Object cast = castOrNull(v, keyTypes[k]);
    if (cast == NO_VALUE) {
      return null; // out of the column's range: scan unbounded on this side, the filter decides
    }
    Object[] vals = eq.clone();
    vals[k] = cast;
    return codec.boundKey(index, vals, k + 1);
  }

  private static boolean startsWith(ByteBuffer k, byte[] prefix) {
    if (k.remaining() < prefix.length) {
      return false;
    }
    int base = k.position();
    for (int i = 0; i < prefix.length; i++) {
      if (k.get(base + i) != prefix[i]) {
        return false;
      }
    }
    return true;
  }

  @Override public String describe() {
    String kind = isPointLookup() ? "KeyLookup" : "IndexScan";
    return kind + "(" + codec.table().name() + ", index=" + index.name() + ", " + boundsText
        + (filterText == null ? "" : ", filter=" + filterText) + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of();
  }

  @Override public int width() {
    return codec.table().columns().size();
  }
}
