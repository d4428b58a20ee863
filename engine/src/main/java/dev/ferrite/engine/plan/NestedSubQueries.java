package dev.ferrite.engine.plan;

import com.google.common.collect.ImmutableSet;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexSubQuery;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Computes a subquery that is an operand of another subquery ({@code (SELECT MAX(..)) IN
 * (SELECT ..)}, {@code CASE WHEN x >= ALL (..) .. END NOT IN (..)}), and a constant left
 * operand of IN / SOME in a filter, in a project of its own first, so the subquery compares a
 * plain column.
 *
 * <p>Why: Calcite's subquery removal handles the outer subquery first and carries its operands
 * into the join it builds; a correlated operand then ends up outside the correlate that binds
 * its variable (a null correlation at run time, or "variable $cor0 must not be used by left
 * input to correlation" while planning). Moved into a project over the same input, the operand
 * keeps the input's row (so its correlation variable stays valid) and is removed on its own.
 * Runs before {@link SqlPlanner}'s subquery-removal pass.
 */
final class NestedSubQueries extends RelShuttleImpl {
  static RelNode hoist(RelNode rel) {
    return rel.accept(new NestedSubQueries());
  }

  @Override public RelNode visit(LogicalFilter filter) {
    LogicalFilter f = (LogicalFilter) super.visit(filter);
    RelNode input = f.getInput();
    List<RexNode> hoisted = new ArrayList<>();
    RexNode condition = f.getCondition().accept(new Hoister(input.getRowType().getFieldCount(), hoisted, true));
    if (hoisted.isEmpty()) {
      return f;
    }
    RelNode widened = widen(input, hoisted, f);
    LogicalFilter filtered = LogicalFilter.create(widened, condition, ImmutableSet.copyOf(f.getVariablesSet()));
    return LogicalProject.create(filtered, List.of(), input.getCluster().getRexBuilder().identityProjects(input.getRowType()),
        input.getRowType());
  }

  @Override public RelNode visit(LogicalProject project) {
    LogicalProject p = (LogicalProject) super.visit(project);
    RelNode input = p.getInput();
    List<RexNode> hoisted = new ArrayList<>();
    Hoister hoister = new Hoister(input.getRowType().getFieldCount(), hoisted, false);
    List<RexNode> exprs = new ArrayList<>();
    for (RexNode e : p.getProjects()) {
      exprs.add(e.accept(hoister));
    }
    if (hoisted.isEmpty()) {
      return p;
    }
    return LogicalProject.create(widen(input, hoisted, p), p.getHints(), exprs, p.getRowType(), p.getVariablesSet());
  }

  /** {@code input} with the hoisted expressions appended, correlated as {@code owner} is. */
  private static RelNode widen(RelNode input, List<RexNode> hoisted, RelNode owner) {
    List<RexNode> exprs = new ArrayList<>(input.getCluster().getRexBuilder().identityProjects(input.getRowType()));
    exprs.addAll(hoisted);
    List<String> names = new ArrayList<>(input.getRowType().getFieldNames());
    for (int i = 0; i < hoisted.size(); i++) {
      names.add("$hoisted" + i);
    }
    return LogicalProject.create(input, List.of(), exprs, names, owner.getVariablesSet());
  }

  /**
   * A constant left operand of IN / SOME in a filter: Calcite removes such a subquery through a
   * special path that is wrong under IS TRUE when the subquery returns only NULLs
   * ({@code (DATE '..' IN (SELECT NULL ..)) IS TRUE} passed). As a column it takes the general
   * path. (In a select list the special path is right, and it never evaluates the operand when
   * the subquery is empty, as SQLite's suite expects of {@code 'hello' IN (SELECT int_col ..)}.)
   */
  private static boolean isConstantInOperand(RexSubQuery sq, RexNode operand) {
    return (sq.getKind() == SqlKind.IN || sq.getKind() == SqlKind.SOME)
        && !RexUtil.containsInputRef(operand) && !RexUtil.containsCorrelation(operand);
  }

  /** Replaces subquery-holding operands of subqueries by references to appended fields. */
  private final class Hoister extends RexShuttle {
    private final int width;
    private final List<RexNode> hoisted;
    private final boolean constants;

    Hoister(int width, List<RexNode> hoisted, boolean constants) {
      this.width = width;
      this.hoisted = hoisted;
      this.constants = constants;
    }

    @Override public RexNode visitSubQuery(RexSubQuery subQuery) {
      RexSubQuery sq = subQuery.clone(subQuery.rel.accept(NestedSubQueries.this));
      List<RexNode> operands = new ArrayList<>();
      boolean changed = false;
      for (RexNode operand : sq.getOperands()) {
        if (RexUtil.SubQueryFinder.find(operand) != null || constants && isConstantInOperand(sq, operand)) {
          hoisted.add(operand);
          operands.add(new RexInputRef(width + hoisted.size() - 1, operand.getType()));
          changed = true;
        } else {
          operands.add(operand);
        }
      }
      return changed ? sq.clone(sq.getType(), operands) : sq;
    }
  }
}
