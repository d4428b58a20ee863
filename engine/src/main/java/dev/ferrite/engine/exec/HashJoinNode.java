package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Equi-join: builds a hash table of the right input on its key columns, then streams the left
 * input through it. A NULL key never matches. {@code residual} (over left ++ right) filters
 * matches further. Unmatched rows are padded with NULLs for outer joins.
 */
public final class HashJoinNode implements PlanNode {
  private final PlanNode left;
  private final PlanNode right;
  private final int[] leftKeys;
  private final int[] rightKeys;
  private final Expr residual;
  private final JoinKind kind;
  private final String text;

  public HashJoinNode(PlanNode left, PlanNode right, int[] leftKeys, int[] rightKeys, Expr residual,
      JoinKind kind, String text) {
    this.left = left;
    this.right = right;
    this.leftKeys = leftKeys;
    this.rightKeys = rightKeys;
    this.residual = residual;
    this.kind = kind;
    this.text = text;
  }

  @Override public RowSource open(ExecContext ctx) {
    List<Object[]> build = Rows.materialize(right, ctx);
    Map<RowKey, List<Integer>> table = new HashMap<>();
    for (int i = 0; i < build.size(); i++) {
      RowKey k = RowKey.of(build.get(i), rightKeys);
      if (!k.hasNull()) {
        table.computeIfAbsent(k, x -> new ArrayList<>(1)).add(i);
      }
    }
    return new JoinRows(left.open(ctx), build, residual, kind, ctx, left.width(), right.width()) {
      @Override List<Integer> candidates(Object[] outerRow) {
        RowKey k = RowKey.of(outerRow, leftKeys);
        return k.hasNull() ? null : table.get(k);
      }
    };
  }

  @Override public String describe() {
    return "HashJoin(" + kind + ", " + text + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override public int width() {
    return kind.outputsRight() ? left.width() + right.width() : left.width();
  }
}
