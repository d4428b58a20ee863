package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * {@code SELECT [DISTINCT] items FROM from [WHERE] [GROUP BY] [HAVING] [ORDER BY] [LIMIT/OFFSET]}.
 * Optional parts are null or empty. A LIMIT only ever comes with an ORDER BY over every column,
 * so which rows it keeps is defined.
 */
record Select(boolean distinct, List<Expr> items, List<TableRef> from, Expr where, List<Expr> groupBy,
    Expr having, List<OrderKey> orderBy, Integer limit, Integer offset) implements Query {

  /** {@code SELECT items FROM from}, nothing else. */
  static Select of(List<Expr> items, List<TableRef> from) {
    return new Select(false, items, from, null, List.of(), null, List.of(), null, null);
  }

  @Override public int width() {
    return items.size();
  }

  @Override public boolean ordered() {
    return !orderBy.isEmpty();
  }

  @Override public String render(Function<Expr, String> text, boolean shape) {
    StringBuilder out = new StringBuilder("SELECT ");
    if (distinct) {
      out.append("DISTINCT ");
    }
    out.append(join(items, text));
    out.append(" FROM ");
    for (TableRef t : from) {
      if (t.join() != null) {
        out.append(' ').append(t.join()).append(' ');
      }
      out.append(shape ? "t" : t.table()).append(" AS ").append(t.alias());
      if (t.on() != null) {
        out.append(" ON ").append(text.apply(t.on()));
      }
    }
    if (where != null) {
      out.append(" WHERE ").append(text.apply(where));
    }
    if (!groupBy.isEmpty()) {
      out.append(" GROUP BY ").append(join(groupBy, text));
    }
    if (having != null) {
      out.append(" HAVING ").append(text.apply(having));
    }
    if (!orderBy.isEmpty()) {
      out.append(" ORDER BY ").append(String.join(", ", orderBy.stream().map(OrderKey::sql).toList()));
    }
    if (limit != null) {
      out.append(" LIMIT ").append(limit);
    }
    if (offset != null) {
      out.append(" OFFSET ").append(offset);
    }
    return out.toString();
  }

  private static String join(List<Expr> exprs, Function<Expr, String> text) {
    return String.join(", ", exprs.stream().map(text).toList());
  }

  Select withDistinct(boolean d) {
    return new Select(d, items, from, where, groupBy, having, orderBy, limit, offset);
  }

  Select withItems(List<Expr> newItems) {
    return new Select(distinct, newItems, from, where, groupBy, having, orderBy, limit, offset);
  }

  Select withFrom(List<TableRef> newFrom) {
    return new Select(distinct, items, newFrom, where, groupBy, having, orderBy, limit, offset);
  }

  Select withWhere(Expr newWhere) {
    return new Select(distinct, items, from, newWhere, groupBy, having, orderBy, limit, offset);
  }

  Select withGrouping(List<Expr> newGroupBy, Expr newHaving) {
    return new Select(distinct, items, from, where, newGroupBy, newHaving, orderBy, limit, offset);
  }

  Select withOrder(List<OrderKey> newOrderBy, Integer newLimit, Integer newOffset) {
    return new Select(distinct, items, from, where, groupBy, having, newOrderBy, newLimit, newOffset);
  }

  /** Every expression of the query, in clause order (the reducer rewrites them one by one). */
  List<Expr> expressions() {
    List<Expr> out = new ArrayList<>(items);
    from.stream().map(TableRef::on).filter(e -> e != null).forEach(out::add);
    if (where != null) {
      out.add(where);
    }
    out.addAll(groupBy);
    if (having != null) {
      out.add(having);
    }
    return out;
  }

  /** The inverse of {@link #expressions()}: the same query over replaced expressions. */
  Select withExpressions(List<Expr> all) {
    int i = 0;
    List<Expr> newItems = all.subList(i, i += items.size());
    List<TableRef> newFrom = new ArrayList<>();
    for (TableRef t : from) {
      newFrom.add(t.on() == null ? t : t.withOn(all.get(i++)));
    }
    Expr newWhere = where == null ? null : all.get(i++);
    List<Expr> newGroupBy = all.subList(i, i += groupBy.size());
    Expr newHaving = having == null ? null : all.get(i);
    return new Select(distinct, List.copyOf(newItems), newFrom, newWhere, List.copyOf(newGroupBy), newHaving,
        orderBy, limit, offset);
  }
}
