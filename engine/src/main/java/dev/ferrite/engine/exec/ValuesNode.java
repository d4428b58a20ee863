package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.List;

/** Literal rows (VALUES, and the single empty row of a SELECT without FROM). */
public final class ValuesNode implements PlanNode {
  private final Expr[][] rows;
  private final int width;

  public ValuesNode(Expr[][] rows, int width) {
    this.rows = rows;
    this.width = width;
  }

  @Override public RowSource open(ExecContext ctx) {
    return new RowSource() {
      int i;

      @Override public Object[] next() {
        if (i == rows.length) {
          return null;
        }
        Expr[] r = rows[i++];
        Object[] out = new Object[r.length];
        for (int j = 0; j < r.length; j++) {
          out[j] = r[j].eval(null, ctx);
        }
        return out;
      }
    };
  }

  @Override public String describe() {
    return "Values(" + rows.length + " rows)";
  }

  @Override public List<PlanNode> inputs() {
    return List.of();
  }

  @Override public int width() {
    return width;
  }
}
