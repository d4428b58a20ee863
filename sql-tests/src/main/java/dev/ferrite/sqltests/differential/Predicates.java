package dev.ferrite.sqltests.differential;

import static dev.ferrite.sqltests.differential.SqlType.Family.NUMBER;

import java.util.ArrayList;
import java.util.List;

/**
 * Random predicates: comparisons, AND/OR/NOT, IS [NOT] NULL, IS [NOT] TRUE/FALSE/UNKNOWN,
 * [NOT] BETWEEN, [NOT] IN lists, [NOT] LIKE, boolean columns, and subqueries (EXISTS, IN,
 * ANY/ALL, scalar), correlated or not. Subqueries nest one level.
 */
final class Predicates {
  private static final String[] COMPARISONS = {"=", "<>", "<", "<=", ">", ">="};
  /** LIKE pattern pieces: wildcards and letters that occur in the data. */
  private static final String[] PATTERN = {"%", "_", "a", "b", "A", " ", "é"};

  private final Dice dice;
  private final ExprGenerator exprs;
  private final Froms froms;

  Predicates(Dice dice, ExprGenerator exprs, Froms froms) {
    this.dice = dice;
    this.exprs = exprs;
    this.froms = froms;
  }

  Expr predicate(Scope s, int depth) {
    if (depth <= 0) {
      return leaf(s);
    }
    return switch (dice.between(0, 19)) {
      case 0, 1, 2, 3, 4 -> comparison(s, depth);
      case 5, 6 -> Op.predicate("(", predicate(s, depth - 1), dice.pick(" AND ", " OR "), predicate(s, depth - 1), ")");
      case 7 -> Op.predicate("(NOT ", predicate(s, depth - 1), ")");
      case 8 -> Op.predicate("(", predicate(s, depth - 1), dice.pick(" IS TRUE)", " IS NOT TRUE)", " IS FALSE)",
          " IS NOT FALSE)", " IS UNKNOWN)", " IS NOT UNKNOWN)"));
      case 9, 10 -> Op.predicate("(", exprs.value(exprs.family(s), s, depth - 1), dice.pick(" IS NULL)", " IS NOT NULL)"));
      case 11 -> between(s, depth);
      case 12 -> inList(s, depth);
      case 13 -> like(s, depth);
      case 14 -> s.subqueries() ? exists(s) : comparison(s, depth);
      case 15 -> s.subqueries() ? inSubquery(s, depth, false) : comparison(s, depth);
      case 16 -> s.subqueries() ? inSubquery(s, depth, true) : comparison(s, depth);
      default -> leaf(s);
    };
  }

  /**
   * A HAVING condition: aggregates (never AVG) or grouping keys compared with constants, maybe
   * combined with AND, OR or NOT.
   */
  Expr having(Scope s, List<Expr> keys, int depth) {
    if (depth > 0 && dice.chance(0.3)) {
      return Op.predicate("(", having(s, keys, depth - 1), dice.pick(" AND ", " OR "), having(s, keys, depth - 1), ")");
    }
    if (depth > 0 && dice.chance(0.1)) {
      return Op.predicate("(NOT ", having(s, keys, depth - 1), ")");
    }
    // Only keys that are plain columns: H2 does not match a grouping expression repeated in HAVING.
    List<Expr> columns = keys.stream().filter(k -> k instanceof Leaf).toList();
    Expr operand = columns.isEmpty() || dice.chance(0.7) ? exprs.aggregates().predicateOperand(s) : dice.pick(columns);
    List<Expr> xy = ExprGenerator.unify(List.of(operand, exprs.constant(operand.type())));
    return Op.predicate("(", xy.get(0), " " + dice.pick(COMPARISONS) + " ", xy.get(1), ")");
  }

  /** A predicate without nesting: a boolean column or constant, or a comparison of those or other leaves. */
  private Expr leaf(Scope s) {
    return dice.chance(0.3) ? booleanLeaf(s) : comparison(s, 0);
  }

  /** A boolean column, or rarely (or if there is none) a boolean constant. */
  Expr booleanLeaf(Scope s) {
    List<Leaf> booleans = s.columns(SqlType.Family.BOOLEAN);
    return booleans.isEmpty() || dice.chance(0.1) ? exprs.constant(SqlType.BOOLEAN) : dice.pick(booleans);
  }

  private Expr comparison(Scope s, int depth) {
    SqlType.Family family = exprs.family(s);
    List<Expr> xy = ExprGenerator.unify(List.of(exprs.value(family, s, depth - 1), exprs.value(family, s, depth - 1)));
    return Op.predicate("(", xy.get(0), " " + dice.pick(COMPARISONS) + " ", xy.get(1), ")");
  }

  private Expr between(Scope s, int depth) {
    SqlType.Family family = comparable(s);
    List<Expr> xs = ExprGenerator.unify(List.of(exprs.value(family, s, depth - 1), exprs.value(family, s, 0),
        exprs.value(family, s, 0)));
    return Op.predicate("(", xs.get(0), dice.pick(" BETWEEN ", " NOT BETWEEN "), xs.get(1), " AND ", xs.get(2), ")");
  }

  private Expr inList(Scope s, int depth) {
    SqlType.Family family = comparable(s);
    List<Expr> xs = new ArrayList<>();
    xs.add(exprs.value(family, s, depth - 1));
    for (int n = dice.between(1, 4); n > 0; n--) {
      xs.add(exprs.value(family, s, 0));
    }
    xs = ExprGenerator.unify(xs);
    Object[] pieces = new Object[2 * xs.size() + 1];
    pieces[0] = "(";
    pieces[1] = xs.get(0);
    pieces[2] = dice.pick(" IN (", " NOT IN (");
    for (int i = 1; i < xs.size(); i++) {
      pieces[2 * i + 1] = xs.get(i);
      pieces[2 * i + 2] = i + 1 < xs.size() ? ", " : "))";
    }
    return Op.predicate(pieces);
  }

  private Expr like(Scope s, int depth) {
    StringBuilder pattern = new StringBuilder();
    for (int n = dice.between(0, 4); n > 0; n--) {
      pattern.append(dice.pick(PATTERN));
    }
    return Op.predicate("(", exprs.value(SqlType.Family.STRING, s, depth - 1), dice.pick(" LIKE '", " NOT LIKE '")
        + pattern + "')");
  }

  /** BETWEEN and IN take numbers, strings or dates (not booleans). */
  private SqlType.Family comparable(Scope s) {
    SqlType.Family f = exprs.family(s);
    return f == SqlType.Family.BOOLEAN ? NUMBER : f;
  }

  private Expr exists(Scope s) {
    Inner in = inner(s);
    return Op.predicate(dice.pick("(EXISTS ", "(NOT EXISTS "), new Subquery(in.select(Literals.small(1)), SqlType.INTEGER, 1, 0, false),
        ")");
  }

  /** {@code x [NOT] IN (SELECT ...)} or, quantified, {@code x op ANY|ALL (SELECT ...)}. */
  private Expr inSubquery(Scope s, int depth, boolean quantified) {
    Inner in = inner(s);
    SqlType.Family family = comparable(s);
    List<Expr> xy = ExprGenerator.unify(List.of(exprs.value(family, s, depth - 1), exprs.value(family, in.own, 0)));
    Expr item = xy.get(1);
    String op = quantified ? " " + dice.pick(COMPARISONS) + dice.pick(" ANY ", " ALL ") : dice.pick(" IN ", " NOT IN ");
    return Op.predicate("(", xy.get(0), op, new Subquery(in.select(item), item.type(), item.bound(), item.scale(), false), ")");
  }

  /** {@code (SELECT agg(x) FROM t [WHERE p])}: one row always, so never a cardinality error. */
  Expr scalarSubquery(SqlType.Family family, Scope s) {
    Inner in = inner(s);
    Expr agg = exprs.aggregates().scalar(family, in.own);
    return new Subquery(in.select(agg), agg.type(), agg.bound(), agg.scale(), true);
  }

  private Inner inner(Scope outer) {
    TableRef table = froms.table(null);
    Scope own = froms.scope(List.of(table), false);
    return new Inner(table, own, outer.inner(own));
  }

  /**
   * The FROM of a subquery: one table under a fresh alias; {@code own} sees its columns,
   * {@code all} also the outer query's (for correlation).
   */
  private final class Inner {
    final TableRef table;
    final Scope own;
    final Scope all;

    Inner(TableRef table, Scope own, Scope all) {
      this.table = table;
      this.own = own;
      this.all = all;
    }

    /** {@code SELECT item FROM table}, usually with a WHERE that may refer to the outer query. */
    Select select(Expr item) {
      Select q = Select.of(List.of(item), List.of(table));
      return dice.chance(0.7) ? q.withWhere(predicate(all, 1)) : q;
    }
  }
}
