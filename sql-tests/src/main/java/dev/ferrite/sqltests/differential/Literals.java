package dev.ferrite.sqltests.differential;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * Random values of each type, weighted towards edge values (0, -1, extremes of the type, the
 * empty string, a trailing space, LIKE wildcards as data, -0.0) and small numbers that make
 * equalities and joins hit.
 */
final class Literals {
  private static final long[] INTEGER_EDGES = {0, -1, 1, Integer.MAX_VALUE, Integer.MIN_VALUE, 1_000_000, -1_000_000, 100};
  private static final long[] BIGINT_EDGES = {0, -1, Long.MAX_VALUE, Long.MIN_VALUE, 4_294_967_296L, -4_294_967_296L,
      9_007_199_254_740_993L};
  private static final String[] DECIMAL_EDGES = {"0.00", "0.01", "-0.01", "99999999.99", "-99999999.99", "0.50"};
  /** Negative zero is spelled as a cast: a literal {@code -0E0} is read as +0.0. */
  private static final String NEGATIVE_ZERO = "CAST('-0.0' AS DOUBLE)";
  private static final String[] DOUBLE_EDGES = {"0", NEGATIVE_ZERO, "1000000000000", "-1000000000000", "0.5"};
  private static final String[] STRING_EDGES = {"", " ", "a ", " a", "abcdefghij", "'", "%", "_"};
  /** Letters of both cases, LIKE wildcards, a space and a non-ASCII letter (code point order matters). */
  private static final String[] ALPHABET = {"a", "b", "A", "B", "z", "%", "_", " ", "é", "0"};
  private static final String[] DATE_EDGES = {"1970-01-01", "2000-02-29", "1999-12-31", "1900-01-01", "2099-12-31"};
  private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
  private static final long LAST_DAY = LocalDate.of(2100, 12, 31).toEpochDay();

  private final Dice dice;

  Literals(Dice dice) {
    this.dice = dice;
  }

  /** A value to insert into a column of {@code type}: NULL sometimes, if {@code nullable}. */
  Leaf row(SqlType type, boolean nullable) {
    if (nullable && dice.chance(0.15)) {
      return Leaf.literal("NULL", type, 0, 0);
    }
    return switch (type) {
      case INTEGER -> integer(dice.chance(0.3) ? INTEGER_EDGES[dice.between(0, INTEGER_EDGES.length - 1)]
          : dice.chance(0.8) ? dice.between(-5, 5) : dice.between(Integer.MIN_VALUE + 1, Integer.MAX_VALUE - 1), type);
      case BIGINT -> integer(dice.chance(0.3) ? BIGINT_EDGES[dice.between(0, BIGINT_EDGES.length - 1)]
          : dice.chance(0.8) ? dice.between(-5, 5) : dice.nextLong(), type);
      case DECIMAL -> decimal(dice.chance(0.3) ? dice.pick(DECIMAL_EDGES)
          : dice.chance(0.8) ? quarters(20) : BigDecimal.valueOf(dice.between(-999_999_999, 999_999_999), 2).toPlainString(),
          type);
      case DOUBLE -> decimal(dice.chance(0.25) ? dice.pick(DOUBLE_EDGES) : quarters(40), type);
      case VARCHAR -> string(dice.chance(0.25) ? dice.pick(STRING_EDGES) : word());
      case BOOLEAN -> Leaf.literal(dice.chance(0.5) ? "TRUE" : "FALSE", type, 0, 0);
      case DATE -> date(dice.chance(0.3) ? dice.pick(DATE_EDGES)
          : LocalDate.ofEpochDay(FIRST_DAY + dice.between(0, Integer.MAX_VALUE - 1) % (LAST_DAY - FIRST_DAY + 1)).toString());
    };
  }

  /** A constant for an expression, typed so that both engines give it the same type. */
  Leaf constant(SqlType type) {
    return typed(row(type, false));
  }

  /**
   * A row value as an expression constant: numbers whose literal type would differ from the
   * column's get an explicit CAST (a plain {@code 0.5} is DECIMAL, an approximate literal is
   * DOUBLE in Ferrite but DECFLOAT in H2).
   */
  static Leaf typed(Leaf value) {
    if (value.sql().equals("NULL")) {
      return Leaf.literal("CAST(NULL AS " + value.type().ddl() + ")", value.type(), 0, 0);
    }
    return switch (value.type()) {
      case BIGINT, DOUBLE -> Leaf.literal("CAST(" + value.sql() + " AS " + value.type().ddl() + ")", value.type(),
          value.bound(), value.scale());
      default -> value;
    };
  }

  /** A small integer literal of type INTEGER. */
  static Leaf small(int value) {
    return Leaf.literal(Integer.toString(value), SqlType.INTEGER, Math.abs(value), 0);
  }

  /** A multiple of 1/4, always with two decimals: {@code -2} would be an INTEGER literal, {@code -2.00} is DECIMAL. */
  private String quarters(int range) {
    return BigDecimal.valueOf(dice.between(-range, range) * 25L, 2).toPlainString();
  }

  private String word() {
    StringBuilder s = new StringBuilder();
    for (int n = dice.between(0, 4); n > 0; n--) {
      s.append(dice.pick(ALPHABET));
    }
    return s.toString();
  }

  private static Leaf integer(long v, SqlType type) {
    return Leaf.literal(Long.toString(v), type, Math.abs((double) v), 0);
  }

  private static Leaf decimal(String text, SqlType type) {
    if (text.equals(NEGATIVE_ZERO)) {
      return Leaf.literal(text, type, 0, 0);
    }
    BigDecimal v = new BigDecimal(text);
    return Leaf.literal(text, type, v.abs().doubleValue(), Math.max(0, v.scale()));
  }

  private static Leaf string(String s) {
    return Leaf.literal("'" + s.replace("'", "''") + "'", SqlType.VARCHAR, 0, 0);
  }

  private static Leaf date(String iso) {
    return Leaf.literal("DATE '" + iso + "'", SqlType.DATE, 0, 0);
  }
}
