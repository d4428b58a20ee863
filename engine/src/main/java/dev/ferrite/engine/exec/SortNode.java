package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import dev.ferrite.engine.type.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * ORDER BY with optional OFFSET/FETCH. With a FETCH, keeps only the best offset+fetch rows in a
 * heap (top-N) instead of sorting everything. Sorting is stable.
 */
public final class SortNode implements PlanNode {
  private final PlanNode input;
  private final int[] fields;
  private final boolean[] descending;
  private final boolean[] nullsFirst;
  private final Expr offset;
  private final Expr fetch;

  public SortNode(PlanNode input, int[] fields, boolean[] descending, boolean[] nullsFirst, Expr offset, Expr fetch) {
    this.input = input;
    this.fields = fields;
    this.descending = descending;
    this.nullsFirst = nullsFirst;
    this.offset = offset;
    this.fetch = fetch;
  }

  private Comparator<Object[]> comparator() {
    return (a, b) -> {
      for (int i = 0; i < fields.length; i++) {
        Object x = a[fields[i]];
        Object y = b[fields[i]];
        int c;
        if (x == null || y == null) {
          if (x == y) {
            continue;
          }
          c = (x == null) == nullsFirst[i] ? -1 : 1;
          return c;
        }
        c = Values.compare(x, y);
        if (c != 0) {
          return descending[i] ? -c : c;
        }
      }
      return 0;
    };
  }

  @Override public RowSource open(ExecContext ctx) {
    long skip = offset == null ? 0 : Math.max(0, ((Number) offset.eval(null, ctx)).longValue());
    long take = fetch == null ? Long.MAX_VALUE : Math.max(0, ((Number) fetch.eval(null, ctx)).longValue());
    Comparator<Object[]> cmp = comparator();
    List<Object[]> sorted;
    long keep = take == Long.MAX_VALUE ? Long.MAX_VALUE : skip + take;
    RowSource in = input.open(ctx);
    try {
      if (keep < 10_000) {
        // Top-N: a max-heap of the best rows seen; ties keep arrival order via a sequence number.
        Comparator<Object[]> seqCmp = cmp.thenComparingLong(r -> (Long) r[r.length - 1]);
        PriorityQueue<Object[]> heap = new PriorityQueue<>(seqCmp.reversed());
        long seq = 0;
        Object[] r;
        while ((r = in.next()) != null) {
          ctx.checkCancelled();
          Object[] withSeq = java.util.Arrays.copyOf(r, r.length + 1);
          withSeq[r.length] = seq++;
          if (keep == 0) {
            continue;
          }
          if (heap.size() < keep) {
            heap.add(withSeq);
          } else if (seqCmp.compare(withSeq, heap.peek()) < 0) {
            heap.poll();
            heap.add(withSeq);
          }
        }
        sorted = new ArrayList<>(heap);
        sorted.sort(seqCmp);
        for (int i = 0; i < sorted.size(); i++) {
          Object[] x = sorted.get(i);
          sorted.set(i, java.util.Arrays.copyOf(x, x.length - 1));
        }
      } else {
        sorted = new ArrayList<>();
        Object[] r;
        while ((r = in.next()) != null) {
          ctx.checkCancelled();
          sorted.add(r);
        }
        sorted.sort(cmp);
      }
    } finally {
      in.close();
    }
    long end = Math.min(sorted.size(), skip + Math.min(take, Integer.MAX_VALUE));
    return new RowSource() {
      long i = skip;

      @Override public Object[] next() {
        return i < end ? sorted.get((int) i++) : null;
      }
    };
  }

  @Override public String describe() {
    StringBuilder sb = new StringBuilder("Sort(");
    for (int i = 0; i < fields.length; i++) {
      sb.append(i > 0 ? ", " : "").append('$').append(fields[i]).append(descending[i] ? " DESC" : "");
    }
    if (offset != null) {
      sb.append(", offset");
    }
    if (fetch != null) {
      sb.append(", fetch");
    }
    return sb.append(')').toString();
  }

  @Override public List<PlanNode> inputs() {
    return List.of(input);
  }

  @Override public int width() {
    return input.width();
  }
}
