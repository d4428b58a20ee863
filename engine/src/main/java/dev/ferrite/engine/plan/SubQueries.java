package dev.ferrite.engine.plan;

import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelShuttleImpl;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.util.SqlShuttle;

/**
 * Cheap shape tests that let planning skip whole Hep passes: whether a plan still holds
 * subqueries as expressions (most statements have none, and then subquery removal is
 * skipped), whether the rewrite pass has anything to do (it only moves filters into joins and
 * below projects, and merges stacked projects and filters), how many inner joins there are to
 * order, and whether a statement has a subquery in a select list.
 */
final class SubQueries {
  private SubQueries() {
  }

  /** Whether {@code rel} has a join, or a filter or project directly above a project, filter or aggregate. */
  static boolean needsRewrites(RelNode rel) {
    if (rel instanceof Join || rel instanceof org.apache.calcite.rel.core.Correlate) {
      return true;
    }
    if (rel instanceof Filter || rel instanceof Project) {
      RelNode input = rel.getInput(0);
      if (input instanceof Project || input instanceof Filter || input instanceof org.apache.calcite.rel.core.Aggregate) {
        return true;
      }
    }
    for (RelNode input : rel.getInputs()) {
      if (needsRewrites(input)) {
        return true;
      }
    }
    return false;
  }

  /** The number of inner joins in {@code rel}. */
  static int innerJoins(RelNode rel) {
    int n = rel instanceof Join && ((Join) rel).getJoinType() == JoinRelType.INNER ? 1 : 0;
    for (RelNode input : rel.getInputs()) {
      n += innerJoins(input);
    }
    return n;
  }

  /** Whether a validated statement has a subquery in the select list of some query. */
  static boolean inSelectList(SqlNode node) {
    boolean[] found = new boolean[1];
    node.accept(new SqlShuttle() {
      @Override public SqlNode visit(SqlCall call) {
        if (!found[0] && call instanceof SqlSelect && ((SqlSelect) call).getSelectList() != null) {
          found[0] = hasSelect(((SqlSelect) call).getSelectList());
        }
        return super.visit(call);
      }
    });
    return found[0];
  }

  private static boolean hasSelect(SqlNode node) {
    boolean[] found = new boolean[1];
    node.accept(new SqlShuttle() {
      @Override public SqlNode visit(SqlCall call) {
        found[0] |= call.getKind() == SqlKind.SELECT;
        return found[0] ? call : super.visit(call);
      }
    });
    return found[0];
  }

  static boolean present(RelNode rel) {
    boolean[] found = new boolean[1];
    rel.accept(new RelShuttleImpl() {
      @Override public RelNode visit(LogicalFilter filter) {
        check(filter.getCondition());
        return super.visit(filter);
      }

      @Override public RelNode visit(LogicalProject project) {
        for (RexNode e : project.getProjects()) {
          check(e);
        }
        return super.visit(project);
      }

      @Override public RelNode visit(LogicalJoin join) {
        check(join.getCondition());
        return super.visit(join);
      }

      @Override public RelNode visit(RelNode other) {
        if (other instanceof Filter) {
          check(((Filter) other).getCondition());
        } else if (other instanceof Project) {
          ((Project) other).getProjects().forEach(this::check);
        } else if (other instanceof Join) {
          check(((Join) other).getCondition());
        }
        return super.visit(other);
      }

      private void check(RexNode e) {
        if (!found[0] && RexUtil.SubQueryFinder.find(e) != null) {
          found[0] = true;
        }
      }
    });
    return found[0];
  }
}
