package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A scan inside a correlated subquery whose filter equates table expressions with outer values
 * ({@code b.g = outer.g}) on columns no index covers: the rows passing the uncorrelated part of
 * the filter are hashed by those expressions once per execution (SQLite's "automatic index"),
 * and each re-open for a new outer row returns only the rows with the outer row's key.
 *
 * <p>Correct by construction: every candidate is re-checked against the whole filter, and the
 * hash key only groups values SQL equality cannot tell apart ({@link RowKey}), so the rows
 * returned are exactly those a full scan with the filter returns. The built table lives in the
 * {@link ExecContext} (plans are shared across executions and sessions; each execution reads
 * its own snapshot), and the uncorrelated filter mentions no correlation variable, so one build
 * serves every outer row.
 */
public final class HashLookupScanNode implements PlanNode {
  private final TableScanNode base;
  private final Expr[] rowKeys;
  private final Expr[] outerKeys;
  private final Expr filter;
  private final String keyText;

  /**
   * Creates the node: {@code base} scans with the uncorrelated conjuncts, {@code rowKeys[i]}
   * (over a table row) must equal {@code outerKeys[i]} (over correlation variables only), and
   * {@code filter} is the scan's whole condition.
   */
  public HashLookupScanNode(TableScanNode base, Expr[] rowKeys, Expr[] outerKeys, Expr filter, String keyText) {
    this.base = base;
    this.rowKeys = rowKeys;
    this.outerKeys = outerKeys;
    this.filter = filter;
    this.keyText = keyText;
  }

  @Override public RowSource open(ExecContext ctx) {
    Object[] probe = new Object[outerKeys.length];
    for (int i = 0; i < probe.length; i++) {
      probe[i] = outerKeys[i].eval(null, ctx);
      if (probe[i] == null) {
        return () -> null; // x = NULL is never TRUE
      }
    }
    List<Object[]> candidates = ctx.memo(this, () -> build(ctx)).get(new RowKey(probe));
    if (candidates == null) {
      return () -> null;
    }
    return new RowSource() {
      int next;

      @Override public Object[] next() {
        while (next < candidates.size()) {
          Object[] row = candidates.get(next++);
          if (Boolean.TRUE.equals(filter.eval(row, ctx))) {
            return row;
          }
        }
        return null;
      }
    };
  }

  private Map<RowKey, List<Object[]>> build(ExecContext ctx) {
    Map<RowKey, List<Object[]>> table = new HashMap<>();
    RowSource rows = base.open(ctx);
    try {
      Object[] row;
      while ((row = rows.next()) != null) {
        Object[] key = new Object[rowKeys.length];
        boolean hasNull = false;
        for (int i = 0; i < key.length; i++) {
          key[i] = rowKeys[i].eval(row, ctx);
          hasNull |= key[i] == null;
        }
        if (!hasNull) {
          table.computeIfAbsent(new RowKey(key), k -> new ArrayList<>(2)).add(row);
        }
      }
    } finally {
      rows.close();
    }
    return table;
  }

  @Override public String describe() {
    return "HashLookupScan(" + base.codec().table().name() + ", key=" + keyText + ", base=" + base.describe() + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of();
  }

  @Override public int width() {
    return base.width();
  }
}
