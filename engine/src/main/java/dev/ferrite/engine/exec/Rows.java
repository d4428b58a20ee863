package dev.ferrite.engine.exec;

import java.util.ArrayList;
import java.util.List;

/** Small helpers shared by operators. */
final class Rows {
  private Rows() {
  }

  static Object[] concat(Object[] left, Object[] right, int rightWidth) {
    Object[] out = new Object[left.length + rightWidth];
    System.arraycopy(left, 0, out, 0, left.length);
    if (right != null) {
      System.arraycopy(right, 0, out, left.length, rightWidth);
    }
    return out;
  }

  static Object[] nullsThen(int leftWidth, Object[] right) {
    Object[] out = new Object[leftWidth + right.length];
    System.arraycopy(right, 0, out, leftWidth, right.length);
    return out;
  }

  /** Reads every row of a node (closing it). */
  static List<Object[]> materialize(PlanNode node, ExecContext ctx) {
    List<Object[]> rows = new ArrayList<>();
    RowSource s = node.open(ctx);
    try {
      Object[] r;
      while ((r = s.next()) != null) {
        ctx.checkCancelled();
        rows.add(r);
      }
    } finally {
      s.close();
    }
    return rows;
  }
}
