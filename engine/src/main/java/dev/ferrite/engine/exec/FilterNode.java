package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.List;

/** Keeps the rows for which the condition is TRUE (not FALSE, not NULL). */
public final class FilterNode implements PlanNode {
  private final PlanNode input;
  private final Expr condition;
  private final String text;

  public FilterNode(PlanNode input, Expr condition, String text) {
    this.input = input;
    this.condition = condition;
    this.text = text;
  }

  @Override public RowSource open(ExecContext ctx) {
    RowSource in = input.open(ctx);
    return new RowSource() {
      @Override public Object[] next() {
        Object[] row;
        while ((row = in.next()) != null) {
          if (Boolean.TRUE.equals(condition.eval(row, ctx))) {
            return row;
          }
        }
        return null;
      }

      @Override public void close() {
        in.close();
      }
    };
  }

  @Override public String describe() {
    return "Filter(" + text + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public int width() {
    return input.width();
  }
}
