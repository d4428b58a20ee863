package dev.ferrite.sqltests.differential;

import static dev.ferrite.sqltests.differential.SqlType.Family.NUMBER;

/**
 * Random aggregate calls: COUNT(*), COUNT/SUM [DISTINCT], AVG, MIN, MAX. Arguments never hold a
 * subquery or an outer reference. AVG appears only in select lists, never in predicates: its
 * type (and so its exact value) is implementation-defined and differs between the engines.
 */
final class Aggregates {
  private final Dice dice;
  private final ExprGenerator exprs;

  Aggregates(Dice dice, ExprGenerator exprs) {
    this.dice = dice;
    this.exprs = exprs;
  }

  /** An aggregate for a select list over the rows of {@code s}: any, AVG included. */
  Expr select(Scope s) {
    return dice.chance(0.15) ? avg(exprs.number(new Scope(s.columns(), s.rows(), false), 1)) : predicateOperand(s);
  }

  /** An aggregate whose value is in {@code family}, for a scalar subquery over {@code own}. */
  Expr scalar(SqlType.Family family, Scope own) {
    if (family != NUMBER) {
      return minMax(exprs.value(family, own, 1));
    }
    return switch (dice.between(0, 3)) {
      case 0 -> count(own);
      case 1 -> sum(exprs.number(own, 1), own);
      default -> minMax(exprs.number(own, 1));
    };
  }

  /** For HAVING (and select lists): an aggregate other than AVG. */
  Expr predicateOperand(Scope s) {
    Scope args = new Scope(s.columns(), s.rows(), false);
    return switch (dice.between(0, 2)) {
      case 0 -> count(args);
      case 1 -> sum(exprs.number(args, 1), args);
      default -> minMax(exprs.value(exprs.family(args), args, 1));
    };
  }

  Expr count(Scope s) {
    if (dice.chance(0.4)) {
      return Op.of(SqlType.BIGINT, s.rows(), 0, "COUNT(*)");
    }
    return Op.of(SqlType.BIGINT, s.rows(), 0, dice.pick("COUNT(", "COUNT(DISTINCT "), exprs.value(exprs.family(s), s, 1), ")");
  }

  /** SUM, or COUNT(*) if the sum could overflow its type. */
  Expr sum(Expr x, Scope s) {
    SqlType type = x.type().isInteger() ? SqlType.BIGINT : x.type();
    double bound = x.bound() * s.rows();
    if (!type.fits(bound, x.scale())) {
      return Op.of(SqlType.BIGINT, s.rows(), 0, "COUNT(*)");
    }
    return Op.of(type, bound, x.scale(), dice.pick("SUM(", "SUM(DISTINCT "), x, ")");
  }

  private Expr avg(Expr x) {
    SqlType type = x.type() == SqlType.DECIMAL ? SqlType.DECIMAL : SqlType.DOUBLE;
    return Op.of(type, x.bound(), Math.max(2, x.scale()), "AVG(", x, ")");
  }

  Expr minMax(Expr x) {
    return Op.of(x.type(), x.bound(), x.scale(), dice.pick("MIN(", "MAX("), x, ")");
  }
}
