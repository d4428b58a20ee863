package dev.ferrite.sqltests.differential;

/**
 * One entry of a FROM clause.
 *
 * @param join null for the first table, else {@code JOIN}, {@code LEFT JOIN}, {@code RIGHT JOIN}
 *     or {@code CROSS JOIN}
 * @param on the join condition; null for the first table and for CROSS JOIN
 */
record TableRef(String join, String table, String alias, Expr on) {
  TableRef withOn(Expr newOn) {
    return new TableRef(join, table, alias, newOn);
  }
}
