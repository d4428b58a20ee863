package dev.ferrite.engine.plan;

import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;

/**
 * Estimated rows of a join input for {@link JoinOrder}. A (projected, filtered) table: its row
 * count from the snapshot, times 0.1 per conjunct equating a column with a constant (or testing
 * IS NULL), 0.3 per range bound and 0.5 per other conjunct (the factors {@link AccessPaths}
 * costs index bounds with), at most one row when the equated columns cover a unique key, and
 * at least one row. Any other input asks Calcite's metadata, which is cheap for one input.
 */
final class RowEstimates {
  private RowEstimates() {
  }

  static double rows(RelNode input) {
    RelNode rel = input;
    while (rel instanceof Project) {
      rel = ((Project) rel).getInput();
    }
    RexNode condition = null;
    if (rel instanceof Filter) {
      condition = ((Filter) rel).getCondition();
      rel = ((Filter) rel).getInput();
    }
    EngineTable table = rel instanceof TableScan ? rel.getTable().unwrap(EngineTable.class) : null;
    if (table == null) {
      Double rows = input.getCluster().getMetadataQuery().getRowCount(input);
      return rows == null ? 1 : Math.max(1, rows);
    }
    return filtered(table, condition);
  }

  private static double filtered(EngineTable table, RexNode condition) {
    double rows = Math.max(1, table.rowCount);
    Set<Integer> equated = new HashSet<>();
    for (RexNode c : condition == null ? List.<RexNode>of() : RelOptUtil.conjunctions(condition)) {
      int column = equatedColumn(c);
      if (column >= 0) {
        equated.add(column);
      }
      rows *= column >= 0 || c.getKind() == SqlKind.IS_NULL ? 0.1 : isRange(c) ? 0.3 : 0.5;
    }
    if (coversUniqueKey(table.def, equated)) {
      rows = Math.min(rows, 1);
    }
    return Math.max(1, rows);
  }

  /** The column of {@code col = constant} (either side), else -1. */
  private static int equatedColumn(RexNode c) {
    if (c.getKind() != SqlKind.EQUALS) {
      return -1;
    }
    RexNode a = ((RexCall) c).getOperands().get(0);
    RexNode b = ((RexCall) c).getOperands().get(1);
    return AccessPaths.isConstant(b) ? column(a) : AccessPaths.isConstant(a) ? column(b) : -1;
  }

  private static boolean isRange(RexNode c) {
    switch (c.getKind()) {
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
        RexNode a = ((RexCall) c).getOperands().get(0);
        RexNode b = ((RexCall) c).getOperands().get(1);
        return AccessPaths.isConstant(b) && column(a) >= 0 || AccessPaths.isConstant(a) && column(b) >= 0;
      default:
        return false;
    }
  }

  private static int column(RexNode e) {
    return e instanceof RexInputRef ? ((RexInputRef) e).getIndex() : -1;
  }

  /**
   * Whether the primary key's or a unique index's columns are all in {@code columns}: rows equal
   * to constants there are at most one (NULLs, which a unique index admits many of, equal nothing).
   */
  private static boolean coversUniqueKey(TableDef table, Set<Integer> columns) {
    List<IndexDef> keys = new ArrayList<>();
    if (table.primaryKey() != null) {
      keys.add(table.primaryKey());
    }
    for (IndexDef index : table.indexes()) {
      if (index.unique()) {
        keys.add(index);
      }
    }
    for (IndexDef key : keys) {
      boolean covered = true;
      for (int k = 0; k < key.width(); k++) {
        covered &= columns.contains(key.column(k));
      }
      if (covered) {
        return true;
      }
    }
    return false;
  }
}
