package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
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
    boolean[] matchedRight = kind == JoinKind.RIGHT || kind == JoinKind.FULL ? new boolean[inner.size()] : null;
    int rightWidth = right.width();
    int leftWidth = left.width();
    RowSource outer = left.open(ctx);
    return new RowSource() {
      Object[] current;
      int pos;
      boolean currentMatched;
      int tail = -1;

      @Override public Object[] next() {
        while (true) {
          if (tail >= 0) {
            while (tail < inner.size()) {
              int i = tail++;
              if (!matchedRight[i]) {
                return Rows.nullsThen(leftWidth, inner.get(i));
              }
            }
            return null;
          }
          if (current != null) {
            while (pos < inner.size()) {
              int i = pos++;
              ctx.checkCancelled();
              Object[] joined = Rows.concat(current, inner.get(i), rightWidth);
              if (condition != null && !Boolean.TRUE.equals(condition.eval(joined, ctx))) {
                continue;
              }
              currentMatched = true;
              if (matchedRight != null) {
                matchedRight[i] = true;
              }
              if (kind == JoinKind.SEMI) {
                Object[] out = current;
                current = null;
                return out;
              }
              if (kind == JoinKind.ANTI) {
                pos = inner.size();
                break;
              }
              return joined;
            }
            Object[] c = current;
            current = null;
            if (!currentMatched) {
              if (kind == JoinKind.LEFT || kind == JoinKind.FULL) {
                return Rows.concat(c, null, rightWidth);
              }
              if (kind == JoinKind.ANTI) {
                return c;
              }
            }
          }
          current = outer.next();
          if (current == null) {
            if (matchedRight != null) {
              tail = 0;
              continue;
            }
            return null;
          }
          pos = 0;
          currentMatched = false;
        }
      }

      @Override public void close() {
        outer.close();
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
