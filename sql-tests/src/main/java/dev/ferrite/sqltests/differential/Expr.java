package dev.ferrite.sqltests.differential;

import java.util.List;

/**
 * A generated scalar expression: a tree the generator builds with its type and value bounds, that
 * prints itself as SQL, and that the reducer can rebuild with simpler children.
 */
interface Expr {
  /** The result type; for a predicate {@link SqlType#BOOLEAN}. */
  SqlType type();

  /** An upper bound on the magnitude of a numeric value (0 for other types). */
  double bound();

  /** Digits after the decimal point an exact value may carry (0 for integers and non-numbers). */
  int scale();

  /** The SQL text. */
  String sql();

  /**
   * The SQL text with literal values and column names replaced by their types: what findings
   * are deduplicated by.
   */
  String shape();

  /** Direct subexpressions, in order. */
  List<Expr> children();

  /** The same node over other children (same count). */
  Expr withChildren(List<Expr> children);

  /** Smaller versions of this node that are not just one of its children (for the reducer). */
  default List<Expr> simplifications() {
    return List.of();
  }
}
