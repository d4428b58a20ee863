package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One-step simplifications of queries and expressions, biggest first: drop a clause, a select
 * item, a GROUP BY key or a joined table; replace an expression by one of its subexpressions of
 * the same type. Keeping the type means a CAST that keeps H2 and Ferrite in DOUBLE, or a
 * NULLIF guard's operand, is never unwrapped into a dialect difference; a candidate that is
 * invalid fails in a way the reducer rejects.
 */
final class Shrinker {
  private Shrinker() {
  }

  static List<Query> queries(Query q) {
    if (q instanceof Select s) {
      return new ArrayList<>(selects(s));
    }
    SetOp s = (SetOp) q;
    List<Query> out = new ArrayList<>(List.of(s.left(), s.right()));
    queries(s.left()).forEach(l -> out.add(new SetOp(l, s.operator(), s.right())));
    queries(s.right()).forEach(r -> out.add(new SetOp(s.left(), s.operator(), r)));
    return out;
  }

  static List<Select> selects(Select s) {
    List<Select> out = new ArrayList<>();
    if (s.where() != null) {
      out.add(s.withWhere(null));
    }
    if (s.having() != null) {
      out.add(s.withGrouping(s.groupBy(), null));
    }
    if (s.distinct()) {
      out.add(s.withDistinct(false));
    }
    if (s.offset() != null) {
      out.add(s.withOrder(s.orderBy(), s.limit(), null));
    }
    if (s.limit() != null) {
      out.add(s.withOrder(s.orderBy(), null, null));
    } else if (!s.orderBy().isEmpty()) {
      out.add(s.withOrder(List.of(), null, null));
    }
    for (int i = 0; s.items().size() > 1 && i < s.items().size(); i++) {
      out.add(withoutItem(s, i));
    }
    for (int i = 0; i < s.groupBy().size(); i++) {
      out.add(s.withGrouping(Lists.without(s.groupBy(), i), s.having()));
    }
    out.addAll(joins(s));
    List<Expr> all = s.expressions();
    for (int i = 0; i < all.size(); i++) {
      for (Expr e : exprs(all.get(i))) {
        Select candidate = s.withExpressions(Lists.replaced(all, i, e));
        if (candidate.groupBy().stream().allMatch(Shrinker::hasColumn)) {
          out.add(candidate);
        }
      }
    }
    return out;
  }

  /** Whether {@code e} refers to a column (a GROUP BY key must; see QueryGenerator#keys). */
  static boolean hasColumn(Expr e) {
    return e instanceof Leaf l && l.isColumn() || e.children().stream().anyMatch(Shrinker::hasColumn);
  }

  /** Every expression tree one replacement away from {@code e}. */
  static List<Expr> exprs(Expr e) {
    List<Expr> out = new ArrayList<>();
    for (Expr child : e.children()) {
      if (child.type() == e.type()) {
        out.add(child);
      }
    }
    out.addAll(e.simplifications());
    List<Expr> children = e.children();
    for (int i = 0; i < children.size(); i++) {
      for (Expr c : exprs(children.get(i))) {
        out.add(e.withChildren(Lists.replaced(children, i, c)));
      }
    }
    return out;
  }

  /** Without a joined table nothing refers to; outer and inner joins made plain, then cross. */
  private static List<Select> joins(Select s) {
    List<Select> out = new ArrayList<>();
    List<TableRef> from = s.from();
    for (int i = 1; i < from.size(); i++) {
      Select candidate = s.withFrom(Lists.without(from, i));
      if (!Pattern.compile("\\b" + from.get(i).alias() + "\\.").matcher(candidate.sql()).find()) {
        out.add(candidate);
      }
    }
    for (int i = 1; i < from.size(); i++) {
      TableRef t = from.get(i);
      if (t.on() != null) {
        out.add(s.withFrom(Lists.replaced(from, i, t.join().equals("JOIN") ? new TableRef("CROSS JOIN", t.table(), t.alias(), null)
            : new TableRef("JOIN", t.table(), t.alias(), t.on()))));
      }
    }
    return out;
  }

  /** Without select item {@code i}; ORDER BY keys renumbered so the order stays total. */
  private static Select withoutItem(Select s, int i) {
    List<OrderKey> order = new ArrayList<>();
    for (OrderKey k : s.orderBy()) {
      if (k.position() != i + 1) {
        order.add(new OrderKey(k.position() > i + 1 ? k.position() - 1 : k.position(), k.descending(), k.nullsFirst()));
      }
    }
    return s.withItems(Lists.without(s.items(), i)).withOrder(List.copyOf(order), s.limit(), s.offset());
  }
}
