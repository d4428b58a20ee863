package dev.ferrite.engine.plan;

import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.exec.IndexScanNode;
import dev.ferrite.engine.exec.PlanNode;
import dev.ferrite.engine.exec.TableScanNode;
import dev.ferrite.engine.expr.Expr;
import dev.ferrite.engine.expr.ExprCompiler;
import dev.ferrite.engine.table.TableCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Chooses how to read a table under a filter: a full scan, or an index (primary key or
 * secondary) with search bounds taken from the filter's conjuncts: {@code col = e},
 * {@code col IS NULL}, and one range {@code col <|<=|>|>= e} after an equality prefix, where
 * {@code e} mentions no column of this table (a literal, a {@code ?}, or an outer correlation
 * variable). Cost = estimated rows read: 1 for a full primary-key match, otherwise the row count
 * times 0.1 per equality column and 0.3 for a range, secondary indexes paying 1.5× for the row
 * lookup. Optionally the caller asks for an order, and an index producing it is preferred.
 */
final class AccessPaths {
  private AccessPaths() {
  }

  /** The chosen scan, and whether it returns rows in the requested order. */
  static final class Choice {
    final PlanNode node;
    final boolean ordered;

    Choice(PlanNode node, boolean ordered) {
      this.node = node;
      this.ordered = ordered;
    }
  }

  /** Bounds an index gets from the conjuncts. */
  private static final class Bounds {
    final IndexDef index;
    final List<RexNode> equal = new ArrayList<>();
    RexNode lower;
    RexNode upper;
    final StringBuilder text = new StringBuilder();

    Bounds(IndexDef index) {
      this.index = index;
    }
  }

  static Choice choose(org.apache.calcite.rex.RexBuilder rexBuilder, TableCodec codec, long rowCount, RexNode condition, List<RelFieldCollation> order) {
    TableDef table = codec.table();
    List<RexNode> conjuncts = condition == null ? List.of() : RelOptUtil.conjunctions(condition);
    List<IndexDef> candidates = new ArrayList<>();
    if (table.primaryKey() != null) {
      candidates.add(table.primaryKey());
    }
    candidates.addAll(table.indexes());
    Expr filter = condition == null ? null : ExprCompiler.compile(condition);
    String filterText = condition == null ? null : condition.toString();
    double bestCost = Math.max(1, rowCount);
    Bounds best = null;
    boolean bestOrdered = order.isEmpty() || providesOrder(table.primaryKey(), 0, order);
    for (IndexDef index : candidates) {
      Bounds b = bounds(rexBuilder, index, conjuncts);
      boolean ordered = !order.isEmpty() && providesOrder(index, b.equal.size(), order);
      if (b.equal.isEmpty() && b.lower == null && b.upper == null && !ordered) {
        continue;
      }
      double cost = cost(index, b, rowCount);
      // An index giving the wanted order saves a sort of the rows it returns.
      double effective = ordered ? cost : cost + (order.isEmpty() ? 0 : cost * 0.2 + 1);
      double bestEffective = bestOrdered ? bestCost : bestCost + (order.isEmpty() ? 0 : bestCost * 0.2 + 1);
      if (effective < bestEffective) {
        best = b;
        bestCost = cost;
        bestOrdered = ordered;
      }
    }
    if (best == null) {
      PlanNode lookup = CorrelatedLookups.hashLookup(rexBuilder, codec, conjuncts, filter);
      return new Choice(lookup != null ? lookup : new TableScanNode(codec, filter, filterText), bestOrdered);
    }
    Expr[] eq = new Expr[best.equal.size()];
    for (int i = 0; i < eq.length; i++) {
      eq[i] = ExprCompiler.compile(best.equal.get(i));
    }
    return new Choice(new IndexScanNode(codec, best.index, eq,
        best.lower == null ? null : ExprCompiler.compile(best.lower),
        best.upper == null ? null : ExprCompiler.compile(best.upper),
        filter, best.text.length() == 0 ? "full" : best.text.toString(), filterText), bestOrdered);
  }

  private static double cost(IndexDef index, Bounds b, long rows) {
    if (b.equal.size() == index.width() && index.unique()) {
      return index.primaryKey() ? 1 : 2;
    }
    double sel = Math.pow(0.1, b.equal.size()) * (b.lower != null || b.upper != null ? 0.3 : 1);
    return Math.max(1, rows * sel) * (index.primaryKey() ? 1 : 1.5);
  }

  /** Whether reading {@code index} after {@code prefix} equality columns yields {@code order}. */
  private static boolean providesOrder(IndexDef index, int prefix, List<RelFieldCollation> order) {
    if (index == null || order.size() > index.width() - prefix) {
      return false;
    }
    for (int i = 0; i < order.size(); i++) {
      RelFieldCollation f = order.get(i);
      boolean desc = f.direction == RelFieldCollation.Direction.DESCENDING;
      boolean nullsFirst = f.nullDirection == RelFieldCollation.NullDirection.FIRST;
      // Our key encoding puts NULLs first ascending and last descending.
      if (index.column(prefix + i) != f.getFieldIndex() || index.descending(prefix + i) != desc
          || nullsFirst == desc) {
        return false;
      }
    }
    return true;
  }

  private static Bounds bounds(org.apache.calcite.rex.RexBuilder rexBuilder, IndexDef index, List<RexNode> conjuncts) {
    Bounds b = new Bounds(index);
    for (int k = 0; k < index.width(); k++) {
      int column = index.column(k);
      RexNode eq = find(conjuncts, column, SqlKind.EQUALS);
      if (eq == null) {
        eq = isNullOn(rexBuilder, conjuncts, column);
      }
      if (eq != null) {
        b.equal.add(eq);
        b.text.append(b.text.length() > 0 ? ", " : "").append('$').append(column).append(" = ").append(eq);
        continue;
      }
      String loOp = " > ";
      RexNode lo = find(conjuncts, column, SqlKind.GREATER_THAN);
      if (lo == null) {
        lo = find(conjuncts, column, SqlKind.GREATER_THAN_OR_EQUAL);
        loOp = " >= ";
      }
      String hiOp = " < ";
      RexNode hi = find(conjuncts, column, SqlKind.LESS_THAN);
      if (hi == null) {
        hi = find(conjuncts, column, SqlKind.LESS_THAN_OR_EQUAL);
        hiOp = " <= ";
      }
      b.lower = lo;
      b.upper = hi;
      if (lo != null) {
        b.text.append(b.text.length() > 0 ? ", " : "").append('$').append(column).append(loOp).append(lo);
      }
      if (hi != null) {
        b.text.append(b.text.length() > 0 ? ", " : "").append('$').append(column).append(hiOp).append(hi);
      }
      break;
    }
    return b;
  }

  private static RexNode isNullOn(org.apache.calcite.rex.RexBuilder rexBuilder, List<RexNode> conjuncts, int column) {
    for (RexNode c : conjuncts) {
      if (c.getKind() == SqlKind.IS_NULL) {
        RexNode op = ((RexCall) c).getOperands().get(0);
        if (op instanceof RexInputRef && ((RexInputRef) op).getIndex() == column) {
          return rexBuilder.makeNullLiteral(op.getType());
        }
      }
    }
    return null;
  }

  /**
   * The bound expression of a conjunct {@code $column <kind> e} (or the mirrored form
   * {@code e <reverse kind> $column}), or null.
   */
  private static RexNode find(List<RexNode> conjuncts, int column, SqlKind kind) {
    for (RexNode c : conjuncts) {
      if (!(c instanceof RexCall)) {
        continue;
      }
      RexCall call = (RexCall) c;
      if (call.getOperands().size() != 2) {
        continue;
      }
      RexNode a = call.getOperands().get(0);
      RexNode b = call.getOperands().get(1);
      if (call.getKind() == kind && isColumn(a, column) && isConstant(b)) {
        return b;
      }
      if (call.getKind() == kind.reverse() && isColumn(b, column) && isConstant(a)) {
        return a;
      }
    }
    return null;
  }

  private static boolean isColumn(RexNode n, int column) {
    return n instanceof RexInputRef && ((RexInputRef) n).getIndex() == column;
  }

  /** An expression of no column of this table: literals, parameters, outer correlation values. */
  static boolean isConstant(RexNode n) {
    return !RexUtil.containsInputRef(n) && RexUtil.isDeterministic(n);
  }
}
