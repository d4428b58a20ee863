package dev.ferrite.sqltests.differential;

import static dev.ferrite.sqltests.differential.SqlType.Family.NUMBER;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Random typed scalar expressions. Dialect differences are kept out by construction: arithmetic
 * is nested only while the bounds say it cannot overflow; division and MOD only on integers or on
 * doubles, with the divisor guarded by NULLIF; a DOUBLE is never mixed with an exact number
 * without an explicit CAST (H2 would compute in DECFLOAT where the standard and Ferrite use
 * DOUBLE).
 */
final class ExprGenerator {
  private final Dice dice;
  private final Literals literals;
  /** Values present in the data, by type: constants drawn from them make predicates hit rows. */
  private final Map<SqlType, List<Leaf>> dataValues = new EnumMap<>(SqlType.class);
  private final Predicates predicates;
  private final Aggregates aggregates;

  ExprGenerator(Dice dice, DatabaseSpec db, Froms froms) {
    this.dice = dice;
    this.literals = new Literals(dice);
    for (SqlType t : SqlType.values()) {
      dataValues.put(t, new ArrayList<>());
    }
    for (Insert row : db.rows()) {
      row.values().stream().filter(v -> !v.sql().equals("NULL")).forEach(v -> dataValues.get(v.type()).add(v));
    }
    this.predicates = new Predicates(dice, this, froms);
    this.aggregates = new Aggregates(dice, this);
  }

  Predicates predicates() {
    return predicates;
  }

  Aggregates aggregates() {
    return aggregates;
  }

  /** An expression of {@code family}; {@code depth} limits nesting (below 0: a column or constant). */
  Expr value(SqlType.Family family, Scope s, int depth) {
    return switch (family) {
      case NUMBER -> number(s, depth);
      case STRING -> string(s, depth);
      case DATE -> date(s, depth);
      case BOOLEAN -> depth < 0 ? predicates.booleanLeaf(s) : predicates.predicate(s, depth);
    };
  }

  /** A family to compare or group by: usually one the scope has columns of. */
  SqlType.Family family(Scope s) {
    if (!s.columns().isEmpty() && dice.chance(0.8)) {
      return dice.pick(s.columns()).type().family();
    }
    return dice.pick(SqlType.Family.values());
  }

  Expr number(Scope s, int depth) {
    List<Leaf> columns = s.columns(NUMBER);
    int roll = dice.between(0, 15);
    if (roll < 6 && !columns.isEmpty()) {
      return dice.pick(columns);
    }
    if (roll < 9 || depth <= 0) {
      return constant(columns.isEmpty() || dice.chance(0.3)
          ? dice.pick(SqlType.INTEGER, SqlType.BIGINT, SqlType.DECIMAL, SqlType.DOUBLE) : dice.pick(columns).type());
    }
    return switch (roll) {
      case 9, 10 -> arithmetic(s, depth);
      case 11 -> negation(s, depth);
      case 12 -> division(s, depth);
      case 13 -> conditional(NUMBER, s, depth);
      case 14 -> Op.of(SqlType.INTEGER, 100, 0, "CHAR_LENGTH(", string(s, depth - 1), ")");
      default -> s.subqueries() ? predicates.scalarSubquery(NUMBER, s) : number(s, depth - 1);
    };
  }

  private Expr string(Scope s, int depth) {
    List<Leaf> columns = s.columns(SqlType.Family.STRING);
    int roll = dice.between(0, 12);
    if (roll < 5 && !columns.isEmpty()) {
      return dice.pick(columns);
    }
    if (roll < 8 || depth <= 0) {
      return constant(SqlType.VARCHAR);
    }
    return switch (roll) {
      case 8 -> Op.of(SqlType.VARCHAR, 0, 0, "(", string(s, depth - 1), " || ", string(s, depth - 1), ")");
      case 9 -> Op.of(SqlType.VARCHAR, 0, 0, dice.pick("UPPER(", "LOWER(", "TRIM("), string(s, depth - 1), ")");
      case 10 -> Op.of(SqlType.VARCHAR, 0, 0, "SUBSTRING(", string(s, depth - 1), " FROM " + dice.between(1, 3)
          + " FOR " + dice.between(0, 3) + ")");
      case 11 -> conditional(SqlType.Family.STRING, s, depth);
      default -> s.subqueries() ? predicates.scalarSubquery(SqlType.Family.STRING, s) : string(s, depth - 1);
    };
  }

  private Expr date(Scope s, int depth) {
    List<Leaf> columns = s.columns(SqlType.Family.DATE);
    int roll = dice.between(0, 9);
    if (roll < 5 && !columns.isEmpty()) {
      return dice.pick(columns);
    }
    if (roll < 8 || depth <= 0) {
      return constant(SqlType.DATE);
    }
    return roll == 8 || !s.subqueries() ? conditional(SqlType.Family.DATE, s, depth)
        : predicates.scalarSubquery(SqlType.Family.DATE, s);
  }

  /** A constant of {@code type}: half the time a value that occurs in the data. */
  Leaf constant(SqlType type) {
    List<Leaf> seen = dataValues.get(type);
    return !seen.isEmpty() && dice.chance(0.5) ? Literals.typed(dice.pick(seen)) : literals.constant(type);
  }

  private Expr arithmetic(Scope s, int depth) {
    List<Expr> ab = unify(List.of(number(s, depth - 1), number(s, depth - 1)));
    Expr a = ab.get(0);
    Expr b = ab.get(1);
    String op = dice.pick("+", "-", "*");
    SqlType type = SqlType.promote(a.type(), b.type());
    double bound = op.equals("*") ? a.bound() * b.bound() : a.bound() + b.bound();
    int scale = op.equals("*") ? a.scale() + b.scale() : Math.max(a.scale(), b.scale());
    return type.fits(bound, scale) ? Op.of(type, bound, scale, "(", a, " " + op + " ", b, ")") : a;
  }

  private Expr negation(Scope s, int depth) {
    Expr x = number(s, depth - 1);
    if (!x.type().fits(x.bound(), x.scale())) {
      return x;
    }
    // The space keeps "- -5" from becoming a "--" comment.
    return dice.chance(0.5) ? Op.of(x.type(), x.bound(), x.scale(), "(- ", x, ")")
        : Op.of(x.type(), x.bound(), x.scale(), "ABS(", x, ")");
  }

  /**
   * Integer division (truncating in both engines) or MOD on integers, or division of doubles;
   * never of DECIMALs, whose quotient's scale is implementation-defined (Ferrite and H2 differ).
   */
  private Expr division(Scope s, int depth) {
    List<Expr> ab = unify(List.of(number(s, depth - 1), number(s, depth - 1)));
    Expr a = ab.get(0);
    Expr b = ab.get(1);
    boolean integers = a.type().isInteger() && b.type().isInteger();
    // A constant divisor could be folded: H2 turns x / NULLIF(0, 0) into an untyped NULL, which
    // it then refuses as the argument of SUM or AVG.
    if (!integers && a.type() != SqlType.DOUBLE || !Shrinker.hasColumn(b)) {
      return a;
    }
    SqlType type = SqlType.promote(a.type(), b.type());
    // The guard is part of the operator's text, not a node of its own: the reducer replaces nodes
    // by their children, and must not turn a guarded division into a division by zero.
    if (integers && dice.chance(0.4)) {
      double bound = Math.min(a.bound(), b.bound());
      return Op.of(type, bound, 0, "MOD(", a, ", NULLIF(", b, ", 0))");
    }
    // An integer quotient is no larger than the dividend; a double divisor is at least 1/100.
    double bound = integers ? a.bound() : a.bound() * 100;
    int scale = integers ? 0 : 2;
    return type.fits(bound, scale) && type.fits(a.bound(), a.scale())
        ? Op.of(type, bound, scale, "(", a, " / NULLIF(", b, ", 0))") : a;
  }

  /** CASE, COALESCE or NULLIF over values of one family. */
  Expr conditional(SqlType.Family family, Scope s, int depth) {
    List<Expr> xy = unify(List.of(value(family, s, depth - 1), value(family, s, depth - 1)));
    Expr x = xy.get(0);
    Expr y = xy.get(1);
    SqlType type = family == NUMBER ? SqlType.promote(x.type(), y.type()) : x.type();
    double bound = Math.max(x.bound(), y.bound());
    int scale = Math.max(x.scale(), y.scale());
    return switch (dice.between(0, 2)) {
      case 0 -> Op.of(type, bound, scale, "CASE WHEN ", predicates.predicate(s, depth - 1), " THEN ", x, " ELSE ", y, " END");
      case 1 -> Op.of(type, bound, scale, "COALESCE(", x, ", ", y, ")");
      default -> Op.of(type, bound, scale, "NULLIF(", x, ", ", y, ")");
    };
  }

  /**
   * Numbers of which some are DOUBLE and some exact: the exact ones wrapped in CAST(x AS DOUBLE),
   * so both engines compute (and compare) in DOUBLE. Other lists come back as they are.
   */
  static List<Expr> unify(List<Expr> xs) {
    boolean anyDouble = xs.stream().anyMatch(x -> x.type() == SqlType.DOUBLE);
    if (!anyDouble) {
      return xs;
    }
    return xs.stream().<Expr>map(x -> x.type().family() != NUMBER || x.type() == SqlType.DOUBLE ? x
        : Op.of(SqlType.DOUBLE, x.bound(), x.scale(), "CAST(", x, " AS DOUBLE)")).toList();
  }
}
