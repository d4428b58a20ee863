package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * What an expression may refer to: the columns of the FROM clause (and, in a correlated
 * subquery, of the outer query), how many rows the FROM clause can produce at most (which bounds
 * SUM and COUNT), and whether subqueries may still be nested.
 */
record Scope(List<Leaf> columns, double rows, boolean subqueries) {
  /** The columns of {@code family}. */
  List<Leaf> columns(SqlType.Family family) {
    return columns.stream().filter(c -> c.type().family() == family).toList();
  }

  /** An inner scope for a subquery: its own columns first, the outer ones visible (correlation). */
  Scope inner(Scope own) {
    List<Leaf> all = new ArrayList<>(own.columns);
    all.addAll(columns);
    return new Scope(List.copyOf(all), own.rows, false);
  }
}
