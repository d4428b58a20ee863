package dev.ferrite.sqltests.differential;

import java.util.List;

/**
 * A parenthesized query used as an expression: the operand of IN, EXISTS, ANY/ALL, or a scalar
 * subquery (then always a single aggregate without GROUP BY, so it returns exactly one row).
 *
 * @param type the type of the query's one column
 */
record Subquery(Query query, SqlType type, double bound, int scale) implements Expr {
  @Override public String sql() {
    return "(" + query.sql() + ")";
  }

  @Override public String shape() {
    return "(" + query.shape() + ")";
  }

  @Override public List<Expr> children() {
    return List.of();
  }

  @Override public Expr withChildren(List<Expr> children) {
    return this;
  }

  @Override public List<Expr> simplifications() {
    return Shrinker.queries(query).stream()
        .<Expr>map(q -> new Subquery(q, type, bound, scale))
        .toList();
  }
}
