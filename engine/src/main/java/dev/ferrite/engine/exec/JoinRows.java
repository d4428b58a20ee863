package dev.ferrite.engine.exec;

import dev.ferrite.engine.expr.Expr;
import java.util.List;

/**
 * The row loop both in-memory joins share: each outer row is paired with its candidate inner
 * rows (every row for a nested loop, the hash bucket for a hash join), {@code condition} keeps
 * the pairs that match, and the join kind decides what is returned: pairs, the outer row once
 * (SEMI) or only when nothing matched (ANTI), NULL padding for unmatched outer rows (LEFT, FULL)
 * and, after the last outer row, for inner rows no pair used (RIGHT, FULL).
 */
abstract class JoinRows implements RowSource {
  private final RowSource outer;
  private final List<Object[]> inner;
  private final Expr condition;
  private final JoinKind kind;
  private final ExecContext ctx;
  private final int leftWidth;
  private final int rightWidth;
  private final boolean[] matchedInner;
  private Object[] current;
  private List<Integer> candidates;
  private int pos;
  private boolean currentMatched;
  private int tail = -1;

  JoinRows(RowSource outer, List<Object[]> inner, Expr condition, JoinKind kind, ExecContext ctx, int leftWidth,
      int rightWidth) {
    this.outer = outer;
    this.inner = inner;
    this.condition = condition;
    this.kind = kind;
    this.ctx = ctx;
    this.leftWidth = leftWidth;
    this.rightWidth = rightWidth;
    this.matchedInner = kind == JoinKind.RIGHT || kind == JoinKind.FULL ? new boolean[inner.size()] : null;
  }

  /** Positions in the inner rows that may pair with {@code outerRow}; null for none. */
  abstract List<Integer> candidates(Object[] outerRow);

  @Override public final Object[] next() {
    while (true) {
      if (tail >= 0) {
        return nextUnmatchedInner();
      }
      if (current != null && candidates != null) {
        while (pos < candidates.size()) {
          int i = candidates.get(pos++);
          ctx.checkCancelled();
          Object[] joined = Rows.concat(current, inner.get(i), rightWidth);
          if (condition != null && !Boolean.TRUE.equals(condition.eval(joined, ctx))) {
            continue;
          }
          currentMatched = true;
          if (matchedInner != null) {
            matchedInner[i] = true;
          }
          if (kind == JoinKind.SEMI) {
            Object[] out = current;
            current = null;
            return out;
          }
          if (kind == JoinKind.ANTI) {
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
      current = outer.next();
      if (current == null) {
        if (matchedInner == null) {
          return null;
        }
        tail = 0;
        continue;
      }
      ctx.checkCancelled();
      candidates = candidates(current);
      pos = 0;
      currentMatched = false;
    }
  }

  private Object[] nextUnmatchedInner() {
    while (tail < inner.size()) {
      int i = tail++;
      if (!matchedInner[i]) {
        return Rows.nullsThen(leftWidth, inner.get(i));
      }
    }
    return null;
  }

  @Override public void close() {
    outer.close();
  }
}
