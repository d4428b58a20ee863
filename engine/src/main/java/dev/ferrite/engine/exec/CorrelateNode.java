package dev.ferrite.engine.exec;

import java.util.List;

/**
 * For each left row, binds correlation variable {@code id} to it and runs the right input
 * again (a correlated subquery the planner could not decorrelate).
 */
public final class CorrelateNode implements PlanNode {
  private final PlanNode left;
  private final PlanNode right;
  private final int id;
  private final JoinKind kind;

  public CorrelateNode(PlanNode left, PlanNode right, int id, JoinKind kind) {
    this.left = left;
    this.right = right;
    this.id = id;
    this.kind = kind;
  }

  @Override public RowSource open(ExecContext ctx) {
    RowSource outer = left.open(ctx);
    int rightWidth = right.width();
    return new RowSource() {
      Object[] current;
      RowSource inner;
      boolean matched;

      @Override public Object[] next() {
        while (true) {
          if (inner != null) {
            Object[] r = inner.next();
            if (r != null) {
              matched = true;
              if (kind == JoinKind.SEMI) {
                closeInner();
                return current;
              }
              if (kind == JoinKind.ANTI) {
                closeInner();
                continue;
              }
              return Rows.concat(current, r, rightWidth);
            }
            closeInner();
            if (!matched) {
              if (kind == JoinKind.LEFT) {
                return Rows.concat(current, null, rightWidth);
              }
              if (kind == JoinKind.ANTI) {
                return current;
              }
            }
          }
          current = outer.next();
          if (current == null) {
            return null;
          }
          ctx.setCorrelation(id, current);
          inner = right.open(ctx);
          matched = false;
        }
      }

      private void closeInner() {
        inner.close();
        inner = null;
      }

      @Override public void close() {
        if (inner != null) {
          inner.close();
        }
        outer.close();
      }
    };
  }

  @Override public String describe() {
    return "Correlate(" + kind + ", $cor" + id + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(left, right);
  }

  @Override public int width() {
    return kind.outputsRight() ? left.width() + right.width() : left.width();
  }
}
