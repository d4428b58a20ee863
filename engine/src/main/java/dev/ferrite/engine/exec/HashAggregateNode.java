package dev.ferrite.engine.exec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * GROUP BY by hashing the group columns; with no group columns, exactly one output row even for
 * empty input (COUNT is 0, other aggregates NULL). Output: group columns then aggregates.
 */
public final class HashAggregateNode implements PlanNode {
  private final PlanNode input;
  private final int[] groupKeys;
  private final AggregateSpec[] aggregates;

  public HashAggregateNode(PlanNode input, int[] groupKeys, AggregateSpec[] aggregates) {
    this.input = input;
    this.groupKeys = groupKeys;
    this.aggregates = aggregates;
  }

  @Override public RowSource open(ExecContext ctx) {
    Map<RowKey, Accumulator[]> groups = new LinkedHashMap<>();
    RowSource in = input.open(ctx);
    try {
      Object[] row;
      while ((row = in.next()) != null) {
        ctx.checkCancelled();
        RowKey key = RowKey.of(row, groupKeys);
        Accumulator[] acc = groups.get(key);
        if (acc == null) {
          acc = newAccumulators();
          groups.put(key, acc);
        }
        for (int i = 0; i < aggregates.length; i++) {
          AggregateSpec a = aggregates[i];
          if (a.filter >= 0 && !Boolean.TRUE.equals(row[a.filter])) {
            continue;
          }
          acc[i].add(a.argument < 0 ? Boolean.TRUE : row[a.argument]);
        }
      }
    } finally {
      in.close();
    }
    if (groups.isEmpty() && groupKeys.length == 0) {
      groups.put(new RowKey(new Object[0]), newAccumulators());
    }
    Iterator<Map.Entry<RowKey, Accumulator[]>> it = groups.entrySet().iterator();
    return () -> {
      if (!it.hasNext()) {
        return null;
      }
      Map.Entry<RowKey, Accumulator[]> e = it.next();
      Object[] keys = e.getKey().values();
      Object[] out = Arrays.copyOf(keys, keys.length + aggregates.length);
      for (int i = 0; i < aggregates.length; i++) {
        out[keys.length + i] = e.getValue()[i].result();
      }
      return out;
    };
  }

  private Accumulator[] newAccumulators() {
    Accumulator[] acc = new Accumulator[aggregates.length];
    for (int i = 0; i < acc.length; i++) {
      acc[i] = Accumulator.create(aggregates[i]);
    }
    return acc;
  }

  @Override public String describe() {
    List<String> a = new ArrayList<>();
    for (AggregateSpec s : aggregates) {
      a.add(s.toString());
    }
    return "HashAggregate(group=" + Arrays.toString(groupKeys) + ", " + a + ")";
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public int width() {
    return groupKeys.length + aggregates.length;
  }
}
