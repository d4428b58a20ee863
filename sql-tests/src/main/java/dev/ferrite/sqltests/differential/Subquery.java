package dev.ferrite.sqltests.differential;

import java.util.List;

/**
 * A parenthesized query used as an expression: the operand of IN, EXISTS, ANY/ALL, or a scalar
 * subquery (then always a single aggregate without GROUP BY, so it returns exactly one row).
 *
 * @param type the type of the query's one column
 * @param scalar whether it is a scalar subquery: {@code (SELECT aggregate FROM ...)}
 */
record Subquery(Query query, SqlType type, double bound, int scale, boolean scalar) implements Expr {
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

  /**
   * Smaller subqueries; a scalar one keeps its aggregate (without it the subquery could return
   * several rows, an error the original query never had).
   */
  @Override public List<Expr> simplifications() {
    return Shrinker.queries(query).stream()
        .filter(q -> !scalar || aggregate(q).equals(aggregate(query)))
        .<Expr>map(q -> new Subquery(q, type, bound, scale, scalar))
        .toList();
  }

  private static String aggregate(Query q) {
    Expr item = ((Select) q).items().get(0);
    return item instanceof Op op ? op.parts().get(0) : "";
  }
}
