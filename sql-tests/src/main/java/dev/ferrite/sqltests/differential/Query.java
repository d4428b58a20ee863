package dev.ferrite.sqltests.differential;

import java.util.function.Function;

/** A generated query: a {@link Select} or a {@link SetOp} of two queries. */
sealed interface Query permits Select, SetOp {
  /** The number of result columns. */
  int width();

  /** Prints the query, each expression through {@code text} ({@link Expr#sql} or {@link Expr#shape}). */
  String render(Function<Expr, String> text, boolean shape);

  default String sql() {
    return render(Expr::sql, false);
  }

  /** The query with names and values abstracted to types: what findings are deduplicated by. */
  default String shape() {
    return render(Expr::shape, true);
  }

  /** Whether the rows come in a defined order (ORDER BY over every column), so order is compared too. */
  boolean ordered();
}
