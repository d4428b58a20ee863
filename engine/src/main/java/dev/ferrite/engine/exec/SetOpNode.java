package dev.ferrite.engine.exec;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** UNION, INTERSECT and EXCEPT, each with ALL (multiset) or DISTINCT (set) semantics. */
public final class SetOpNode implements PlanNode {
  /** Which set operation. */
  public enum Op { UNION, INTERSECT, EXCEPT }

  private final Op op;
  private final boolean all;
  private final List<PlanNode> inputs;

  public SetOpNode(Op op, boolean all, List<PlanNode> inputs) {
    this.op = op;
    this.all = all;
    this.inputs = List.copyOf(inputs);
  }

  @Override public RowSource open(ExecContext ctx) {
    if (op == Op.UNION && all) {
      return new RowSource() {
        int i;
        RowSource current = inputs.get(0).open(ctx);

        @Override public Object[] next() {
          while (true) {
            Object[] r = current.next();
            if (r != null) {
              return r;
            }
            current.close();
            if (++i == inputs.size()) {
              current = () -> null;
              return null;
            }
            current = inputs.get(i).open(ctx);
          }
        }

        @Override public void close() {
          current.close();
        }
      };
    }
    // Counts per distinct row: for UNION the total, for INTERSECT the minimum over inputs,
    // for EXCEPT the first input's count minus the others'.
    Map<RowKey, long[]> counts = new LinkedHashMap<>();
    for (Object[] r : Rows.materialize(inputs.get(0), ctx)) {
      counts.computeIfAbsent(new RowKey(r), k -> new long[1])[0]++;
    }
    for (int i = 1; i < inputs.size(); i++) {
      Map<RowKey, long[]> other = new HashMap<>();
      for (Object[] r : Rows.materialize(inputs.get(i), ctx)) {
        RowKey k = new RowKey(r);
        if (op == Op.UNION) {
          counts.computeIfAbsent(k, x -> new long[1])[0]++;
        } else {
          other.computeIfAbsent(k, x -> new long[1])[0]++;
        }
      }
      if (op == Op.INTERSECT) {
        counts.entrySet().removeIf(e -> !other.containsKey(e.getKey()));
        for (Map.Entry<RowKey, long[]> e : counts.entrySet()) {
          e.getValue()[0] = Math.min(e.getValue()[0], other.get(e.getKey())[0]);
        }
      } else if (op == Op.EXCEPT) {
        for (Map.Entry<RowKey, long[]> e : other.entrySet()) {
          long[] c = counts.get(e.getKey());
          if (c != null) {
            c[0] = all ? c[0] - e.getValue()[0] : 0;
          }
        }
      }
    }
    List<Object[]> out = new ArrayList<>();
    for (Map.Entry<RowKey, long[]> e : counts.entrySet()) {
      long n = all ? e.getValue()[0] : Math.min(1, e.getValue()[0]);
      for (long i = 0; i < n; i++) {
        out.add(e.getKey().values());
      }
    }
    return new RowSource() {
      int i;

      @Override public Object[] next() {
        return i < out.size() ? out.get(i++) : null;
      }
    };
  }

  @Override public String describe() {
    return op + (all ? " ALL" : "");
  }

  @Override public List<PlanNode> inputs() {
    return inputs;
  }

  @Override public int width() {
    return inputs.get(0).width();
  }
}
