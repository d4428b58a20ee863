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
    boolean[] matchedRight = kind == JoinKind.RIGHT || kind == JoinKind.FULL ? new boolean[build.size()] : null;
    int rightWidth = right.width();
    int leftWidth = left.width();
    RowSource probe = left.open(ctx);
    return new RowSource() {
      Object[] current;
      List<Integer> matches;
      int pos;
      boolean currentMatched;
      int tail = -1;

      @Override public Object[] next() {
        while (true) {
          if (tail >= 0) {
            while (tail < build.size()) {
              int i = tail++;
              if (!matchedRight[i]) {
                return Rows.nullsThen(leftWidth, build.get(i));
              }
            }
            return null;
          }
          if (current != null && matches != null) {
            while (pos < matches.size()) {
              int i = matches.get(pos++);
              Object[] joined = Rows.concat(current, build.get(i), rightWidth);
              if (residual != null && !Boolean.TRUE.equals(residual.eval(joined, ctx))) {
                continue;
              }
              currentMatched = true;
              if (matchedRight != null) {
                matchedRight[i] = true;
              }
              if (kind == JoinKind.SEMI) {
                matches = null;
                Object[] out = current;
                current = null;
                return out;
              }
              if (kind == JoinKind.ANTI) {
                matches = null;
                break;
              }
              return joined;
            }
          }
          if (current != null && !currentMatched) {
            Object[] c = current;
            current = null;
            if (kind == JoinKind.LEFT || kind == JoinKind.FULL) {
              return Rows.concat(c, null, rightWidth);
            }
            if (kind == JoinKind.ANTI) {
              return c;
            }
          }
          current = probe.next();
          if (current == null) {
            if (matchedRight != null) {
              tail = 0;
              continue;
            }
            return null;
          }
          ctx.checkCancelled();
          RowKey k = RowKey.of(current, leftKeys);
          matches = k.hasNull() ? null : table.get(k);
          pos = 0;
          currentMatched = false;
        }
      }

      @Override public void close() {
        probe.close();
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
