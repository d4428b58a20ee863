package dev.ferrite.engine.plan;

import dev.ferrite.engine.exec.HashLookupScanNode;
import dev.ferrite.engine.exec.PlanNode;
import dev.ferrite.engine.exec.TableScanNode;
import dev.ferrite.engine.expr.Expr;
import dev.ferrite.engine.expr.ExprCompiler;
import dev.ferrite.engine.table.TableCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Turns a full scan inside a correlated subquery into a {@link HashLookupScanNode} when its
 * filter has equalities between this table's expressions and outer values. Subqueries are not
 * decorrelated (Calcite's decorrelator returned wrong rows for NULLs and empty sets), so this
 * is what keeps {@code EXISTS (SELECT .. WHERE b.g = s.g)} from scanning {@code b} once per
 * outer row when no index covers {@code b.g}.
 */
final class CorrelatedLookups {
  private CorrelatedLookups() {
  }

  /** The lookup scan, or null when no conjunct is a correlated equality. */
  static PlanNode hashLookup(RexBuilder rexBuilder, TableCodec codec, List<RexNode> conjuncts, Expr filter) {
    List<RexNode> rowSides = new ArrayList<>();
    List<RexNode> outerSides = new ArrayList<>();
    List<RexNode> uncorrelated = new ArrayList<>();
    for (RexNode c : conjuncts) {
      if (!RexUtil.containsCorrelation(c)) {
        uncorrelated.add(c);
      } else if (c.getKind() == SqlKind.EQUALS) {
        RexNode a = ((RexCall) c).getOperands().get(0);
        RexNode b = ((RexCall) c).getOperands().get(1);
        if (isRowSide(a) && AccessPaths.isConstant(b)) {
          rowSides.add(a);
          outerSides.add(b);
        } else if (isRowSide(b) && AccessPaths.isConstant(a)) {
          rowSides.add(b);
          outerSides.add(a);
        }
      }
    }
    if (rowSides.isEmpty()) {
      return null;
    }
    RexNode baseCondition = uncorrelated.isEmpty() ? null
        : RexUtil.composeConjunction(rexBuilder, uncorrelated);
    TableScanNode base = new TableScanNode(codec, baseCondition == null ? null : ExprCompiler.compile(baseCondition),
        baseCondition == null ? null : baseCondition.toString());
    Expr[] rowKeys = new Expr[rowSides.size()];
    Expr[] outerKeys = new Expr[rowSides.size()];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < rowKeys.length; i++) {
      rowKeys[i] = ExprCompiler.compile(rowSides.get(i));
      outerKeys[i] = ExprCompiler.compile(outerSides.get(i));
      text.append(i > 0 ? ", " : "").append(rowSides.get(i)).append(" = ").append(outerSides.get(i));
    }
    return new HashLookupScanNode(base, rowKeys, outerKeys, filter, text.toString());
  }

  /** An expression of this table's row alone. */
  private static boolean isRowSide(RexNode n) {
    return RexUtil.containsInputRef(n) && !RexUtil.containsCorrelation(n) && RexUtil.isDeterministic(n);
  }
}
