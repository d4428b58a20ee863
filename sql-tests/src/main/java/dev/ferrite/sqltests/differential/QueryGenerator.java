package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The next test case for a database: a differential query (plain, grouped, aggregated or a set
 * operation, over joins), a TLP case or a NoREC case, in proportions 4:3:3.
 */
final class QueryGenerator {
  private final Dice dice;
  private final DatabaseSpec db;
  private final Froms froms;
  private final ExprGenerator exprs;
  private final Predicates predicates;

  QueryGenerator(Dice dice, DatabaseSpec db) {
    this.dice = dice;
    this.db = db;
    this.froms = new Froms(dice, db);
    this.exprs = new ExprGenerator(dice, db, froms);
    this.predicates = exprs.predicates();
  }

  Check next() {
    froms.reset();
    int roll = dice.between(0, 9);
    return roll < 4 ? new DifferentialCheck(query()) : roll < 7 ? tlp() : noRec();
  }

  private Query query() {
    int roll = dice.between(0, 9);
    if (roll < 2) {
      return setOperation();
    }
    List<TableRef> from = from(3);
    Scope s = froms.scope(from, true);
    Select q = roll < 6 ? plain(from, s) : roll < 9 ? grouped(from, s) : Select.of(aggregates(s), from);
    q = dice.chance(0.7) ? q.withWhere(where(s)) : q;
    return roll < 9 && dice.chance(0.3) ? ordered(q) : q;
  }

  /** A WHERE condition: a predicate of nesting depth 1 to 3. */
  private Expr where(Scope s) {
    return predicates.predicate(s, dice.between(1, 3));
  }

  private Select plain(List<TableRef> from, Scope s) {
    List<Expr> items = new ArrayList<>();
    for (int n = dice.between(1, 4); n > 0; n--) {
      items.add(exprs.value(exprs.family(s), s, dice.between(0, 2)));
    }
    return Select.of(List.copyOf(items), from).withDistinct(dice.chance(0.2));
  }

  private Select grouped(List<TableRef> from, Scope s) {
    List<Expr> keys = keys(s);
    List<Expr> items = new ArrayList<>(keys);
    items.addAll(aggregates(s));
    Select q = Select.of(List.copyOf(items), from);
    return q.withGrouping(keys, dice.chance(0.4) ? predicates.having(s, keys, 1) : null);
  }

  /**
   * 1–2 grouping keys: mostly columns, sometimes expressions over columns (without subqueries).
   * Never a constant: Ferrite, like PostgreSQL, reads an integer literal there as a column
   * position, H2 as a value.
   */
  private List<Expr> keys(Scope s) {
    Scope plain = new Scope(s.columns(), s.rows(), false);
    List<Expr> keys = new ArrayList<>();
    for (int n = dice.between(1, 2); n > 0; n--) {
      Expr key = exprs.value(exprs.family(plain), plain, 1);
      keys.add(dice.chance(0.3) && Shrinker.hasColumn(key) ? key : dice.pick(s.columns()));
    }
    return List.copyOf(keys);
  }

  private List<Expr> aggregates(Scope s) {
    List<Expr> out = new ArrayList<>();
    for (int n = dice.between(1, 3); n > 0; n--) {
      out.add(exprs.aggregates().select(s));
    }
    return List.copyOf(out);
  }

  /** ORDER BY every column, so the order is total up to equal rows; sometimes LIMIT/OFFSET. */
  private Select ordered(Select q) {
    List<OrderKey> keys = new ArrayList<>();
    for (int i = 1; i <= q.width(); i++) {
      keys.add(new OrderKey(i, dice.chance(0.5), dice.chance(0.5)));
    }
    Integer limit = dice.chance(0.5) ? dice.between(0, 5) : null;
    Integer offset = limit != null && dice.chance(0.3) ? dice.between(0, 3) : null;
    return q.withOrder(List.copyOf(keys), limit, offset);
  }

  /**
   * Two or three selects of the same column families under UNION [ALL], INTERSECT or EXCEPT
   * (INTERSECT ALL and EXCEPT ALL are missing from H2). A column that is DOUBLE on one side is
   * cast to DOUBLE on every side: H2 would otherwise unify DOUBLE with DECIMAL as DECFLOAT.
   */
  private Query setOperation() {
    List<SqlType.Family> families = new ArrayList<>();
    for (int n = dice.between(1, 3); n > 0; n--) {
      families.add(dice.pick(SqlType.Family.values()));
    }
    List<Select> sides = new ArrayList<>();
    for (int n = dice.chance(0.2) ? 3 : 2; n > 0; n--) {
      List<TableRef> from = from(2);
      Scope s = froms.scope(from, true);
      List<Expr> items = families.stream().map(f -> exprs.value(f, s, dice.between(0, 2))).toList();
      Select side = Select.of(items, from).withDistinct(dice.chance(0.1));
      sides.add(dice.chance(0.7) ? side.withWhere(predicates.predicate(s, dice.between(1, 2))) : side);
    }
    for (int column = 0; column < families.size(); column++) {
      int c = column;
      List<Expr> unified = ExprGenerator.unify(sides.stream().map(q -> q.items().get(c)).toList());
      for (int i = 0; i < sides.size(); i++) {
        sides.set(i, sides.get(i).withItems(Lists.replaced(sides.get(i).items(), c, unified.get(i))));
      }
    }
    Query q = sides.get(0);
    for (Select side : sides.subList(1, sides.size())) {
      q = new SetOp(q, dice.pick("UNION", "UNION ALL", "INTERSECT", "EXCEPT"), side);
    }
    return q;
  }

  private Check tlp() {
    List<TableRef> from = from(3);
    Scope s = froms.scope(from, true);
    Scope args = new Scope(s.columns(), s.rows(), false);
    TlpCheck.Variant variant = dice.pick(TlpCheck.Variant.values());
    switch (variant) {
      case WHERE, DISTINCT -> {
        Select base = plain(from, s).withDistinct(variant == TlpCheck.Variant.DISTINCT);
        return new TlpCheck(base, where(s), variant);
      }
      case GROUP_BY -> {
        List<Expr> keys = keys(s);
        return new TlpCheck(Select.of(keys, from).withGrouping(keys, null), where(s), variant);
      }
      case HAVING -> {
        Select base = grouped(from, s);
        return new TlpCheck(base.withGrouping(base.groupBy(), null), predicates.having(s, base.groupBy(), 1), variant);
      }
      case SUM -> {
        Expr x = exprs.number(args, 1);
        SqlType sumType = x.type().isInteger() ? SqlType.BIGINT : x.type();
        boolean fits = sumType.fits(x.bound() * s.rows(), x.scale());
        return new TlpCheck(Select.of(List.of(x), from), where(s), fits ? variant : TlpCheck.Variant.COUNT);
      }
      default -> {
        Expr x = exprs.value(exprs.family(args), args, 1);
        return new TlpCheck(Select.of(List.of(x), from), where(s), variant);
      }
    }
  }

  private Check noRec() {
    List<TableRef> from = from(dice.chance(0.7) ? 1 : 2);
    Scope s = froms.scope(from, true);
    Expr p = where(s);
    List<Column> indexed = new ArrayList<>();
    if (from.size() == 1) {
      Table t = db.table(from.get(0).table());
      Set<String> names = new LinkedHashSet<>();
      columns(p, from.get(0).alias(), names);
      t.columns().stream().filter(c -> names.contains(c.name())).limit(2).forEach(indexed::add);
    }
    return new NoRecCheck(from, p, List.copyOf(indexed));
  }

  /** Names of the columns of {@code alias} that {@code e} refers to (outside subqueries). */
  private static void columns(Expr e, String alias, Set<String> out) {
    if (e instanceof Leaf l && l.isColumn() && l.alias().equals(alias)) {
      out.add(l.columnName());
    }
    e.children().forEach(c -> columns(c, alias, out));
  }

  /** 1 to {@code max} tables: inner, left, right or cross joins, ON conditions mostly equalities. */
  private List<TableRef> from(int max) {
    List<TableRef> refs = new ArrayList<>(List.of(froms.table(null)));
    for (int n = dice.between(1, max) - 1; n > 0; n--) {
      String join = dice.pick("JOIN", "JOIN", "LEFT JOIN", "LEFT JOIN", "CROSS JOIN", "RIGHT JOIN");
      TableRef t = froms.table(join);
      if (!join.equals("CROSS JOIN")) {
        List<TableRef> with = new ArrayList<>(refs);
        with.add(t);
        t = t.withOn(joinCondition(froms.scope(refs, false), froms.scope(List.of(t), false), froms.scope(with, false)));
      }
      refs.add(t);
    }
    return List.copyOf(refs);
  }

  private Expr joinCondition(Scope left, Scope right, Scope both) {
    Leaf r = dice.pick(right.columns());
    List<Leaf> partners = left.columns(r.type().family());
    if (partners.isEmpty() || dice.chance(0.3)) {
      return predicates.predicate(both, 1);
    }
    List<Expr> xy = ExprGenerator.unify(List.of(dice.pick(partners), r));
    return Op.predicate("(", xy.get(0), " = ", xy.get(1), ")");
  }
}
