package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Any operator, function call or special form: fixed text between argument expressions, so
 * {@code ABS(x)} is parts {@code ["ABS(", ")"]} and args {@code [x]}, and {@code x BETWEEN a AND b}
 * is {@code ["", " BETWEEN ", " AND ", ""]}. One representation keeps printing and reduction
 * generic for every form the generator makes.
 *
 * @param parts text around the arguments: one more than there are arguments
 */
record Op(SqlType type, double bound, int scale, List<String> parts, List<Expr> args) implements Expr {
  Op {
    if (parts.size() != args.size() + 1) {
      throw new IllegalArgumentException(parts + " does not fit " + args.size() + " arguments");
    }
  }

  /** Builds an operator from alternating text and expressions, e.g. {@code of(t, b, s, "ABS(", x, ")")}. */
  static Op of(SqlType type, double bound, int scale, Object... pieces) {
    List<String> parts = new ArrayList<>();
    List<Expr> args = new ArrayList<>();
    StringBuilder text = new StringBuilder();
    for (Object piece : pieces) {
      if (piece instanceof Expr e) {
        parts.add(text.toString());
        text.setLength(0);
        args.add(e);
      } else {
        text.append(piece);
      }
    }
    parts.add(text.toString());
    return new Op(type, bound, scale, List.copyOf(parts), List.copyOf(args));
  }

  /** A predicate (BOOLEAN, no bound). */
  static Op predicate(Object... pieces) {
    return of(SqlType.BOOLEAN, 0, 0, pieces);
  }

  @Override public String sql() {
    return render(Expr::sql);
  }

  @Override public String shape() {
    return render(Expr::shape);
  }

  private String render(Function<Expr, String> text) {
    StringBuilder out = new StringBuilder(parts.get(0));
    for (int i = 0; i < args.size(); i++) {
      out.append(text.apply(args.get(i))).append(parts.get(i + 1));
    }
    return out.toString();
  }

  @Override public List<Expr> children() {
    return args;
  }

  @Override public Expr withChildren(List<Expr> children) {
    return new Op(type, bound, scale, parts, List.copyOf(children));
  }
}
