package dev.ferrite.sqltests.differential;

import java.util.function.Function;

/**
 * {@code left UNION [ALL] | INTERSECT | EXCEPT right}; nested operands are parenthesized so the
 * result never depends on operator precedence.
 */
record SetOp(Query left, String operator, Query right) implements Query {
  @Override public int width() {
    return left.width();
  }

  @Override public String render(Function<Expr, String> text, boolean shape) {
    return operand(left, text, shape) + " " + operator + " " + operand(right, text, shape);
  }

  private static String operand(Query q, Function<Expr, String> text, boolean shape) {
    String s = q.render(text, shape);
    return q instanceof SetOp ? "(" + s + ")" : s;
  }

  @Override public boolean ordered() {
    return false;
  }
}
