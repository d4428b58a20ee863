package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.List;

/** Computes one output row per input row from a list of expressions. */
public final class ProjectNode implements PlanNode {
  private final PlanNode input;
  private final Expr[] exprs;
  private final String text;

  public ProjectNode(PlanNode input, Expr[] exprs, String text) {
    this.input = input;
    this.exprs = exprs;
    this.text = text;
  }

  @Override public RowSource open(ExecContext ctx) {
    RowSource in = input.open(ctx);
    return new RowSource() {
      @Override public Object[] next() {
        Object[] row = in.next();
        if (row == null) {
          return null;
        }
        Object[] out = new Object[exprs.length];
        for (int i = 0; i < exprs.length; i++) {
          out[i] = exprs[i].eval(row, ctx);
        }
        return out;
      }

      @Override public void close() {
        in.close();
      }
    };
  }

  @Override public String describe() {
    return "Project(" + text + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public int width() {
    return exprs.length;
  }
}
