package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.AbstractList;
import java.util.List;

/**
 * Join on any condition: the right input is read once into memory, then every left row is
 * paired with every right row. Used when there is no equality to hash on.
 */
public final class NestedLoopJoinNode implements PlanNode {
  private final PlanNode left;
  private final PlanNode right;
  private final Expr condition;
  private final JoinKind kind;
  private final String text;

  public NestedLoopJoinNode(PlanNode left, PlanNode right, Expr condition, JoinKind kind, String text) {
    this.left = left;
    this.right = right;
    this.condition = condition;
    this.kind = kind;
    this.text = text;
  }

  @Override public RowSource open(ExecContext ctx) {
    List<Object[]> inner = Rows.materialize(right, ctx);
    List<Integer> everyRow = new AbstractList<>() {
      @Override public Integer get(int index) {
        return index;
      }

      @Override public int size() {
        return inner.size();
      }
    };
    return new JoinRows(left.open(ctx), inner, condition, kind, ctx, left.width(), right.width()) {
      @Override List<Integer> candidates(Object[] outerRow) {
        return everyRow;
      }
    };
  }

  @Override public String describe() {
    return "NestedLoopJoin(" + kind + (text == null ? "" : ", " + text) + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override public int width() {
    return kind.outputsRight() ? left.width() + right.width() : left.width();
  }
}
