package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.List;

/** OFFSET/FETCH over an input already in the wanted order; stops reading once enough rows passed. */
public final class LimitNode implements PlanNode {
  private final PlanNode input;
  private final Expr offset;
  private final Expr fetch;

  public LimitNode(PlanNode input, Expr offset, Expr fetch) {
    this.input = input;
    this.offset = offset;
    this.fetch = fetch;
  }

  @Override public RowSource open(ExecContext ctx) {
    long skip = offset == null ? 0 : Math.max(0, ((Number) offset.eval(null, ctx)).longValue());
    long take = fetch == null ? Long.MAX_VALUE : Math.max(0, ((Number) fetch.eval(null, ctx)).longValue());
    RowSource in = input.open(ctx);
    return new RowSource() {
      long skipped;
      long taken;

      @Override public Object[] next() {
        if (taken >= take) {
          return null;
        }
        Object[] r;
        while (skipped < skip) {
          if (in.next() == null) {
            return null;
          }
          skipped++;
        }
        r = in.next();
        if (r != null) {
          taken++;
        }
        return r;
      }

      @Override public void close() {
        in.close();
      }
    };
  }

  @Override public String describe() {
    return "Limit(" + (offset != null ? "offset" : "") + (fetch != null ? " fetch" : "") + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public int width() {
    return input.width();
  }
}
