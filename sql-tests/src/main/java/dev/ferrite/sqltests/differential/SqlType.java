package dev.ferrite.sqltests.differential;

/**
 * The column types the generator uses, with the facts expressions need about them: the family
 * (which types may be compared), and for numbers the largest magnitude an expression of the type
 * may reach before the generator stops nesting arithmetic (so no query can overflow).
 */
enum SqlType {
  INTEGER("INTEGER", Family.NUMBER, Integer.MAX_VALUE),
  BIGINT("BIGINT", Family.NUMBER, 9.0e18),
  /** DECIMAL(10,2) in tables; an expression's own scale is tracked separately ({@link Expr#scale()}). */
  DECIMAL("DECIMAL(10,2)", Family.NUMBER, 1e15),
  /**
   * Values stay below 2^50 so that sums and products of the generated values (multiples of 1/4
   * and a few edge values) are exact in binary: the order in which an engine adds them then
   * cannot change a result.
   */
  DOUBLE("DOUBLE", Family.NUMBER, 1e15),
  VARCHAR("VARCHAR(10)", Family.STRING, 0),
  BOOLEAN("BOOLEAN", Family.BOOLEAN, 0),
  DATE("DATE", Family.DATE, 0);

  /** Types that can be compared with each other (numbers of any kind compare). */
  enum Family { NUMBER, STRING, BOOLEAN, DATE }

  private final String ddl;
  private final Family family;
  private final double limit;

  SqlType(String ddl, Family family, double limit) {
    this.ddl = ddl;
    this.family = family;
    this.limit = limit;
  }

  /** The name used in CREATE TABLE and CAST. */
  String ddl() {
    return ddl;
  }

  Family family() {
    return family;
  }

  /** Whether a value of magnitude {@code bound} and {@code scale} fraction digits fits safely. */
  boolean fits(double bound, int scale) {
    return bound * Math.pow(10, scale) <= limit;
  }

  boolean isInteger() {
    return this == INTEGER || this == BIGINT;
  }

  /** The type of {@code a op b} for + - * under the usual numeric promotion. */
  static SqlType promote(SqlType a, SqlType b) {
    return a.ordinal() >= b.ordinal() ? a : b;
  }
}
