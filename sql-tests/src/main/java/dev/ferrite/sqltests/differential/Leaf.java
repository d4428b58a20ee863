package dev.ferrite.sqltests.differential;

import java.util.List;

/**
 * A column reference or a literal: the leaves of an expression tree.
 *
 * @param sql the text, e.g. {@code a0.c2} or {@code 1.25}
 * @param shape the text with the name or value abstracted, e.g. {@code a0.DECIMAL}
 * @param alias the table alias a column belongs to; null for a literal
 */
record Leaf(String sql, String shape, SqlType type, double bound, int scale, String alias) implements Expr {
  static Leaf column(String alias, Column column, double bound) {
    return new Leaf(alias + "." + column.name(), alias + "." + column.type().name(), column.type(), bound,
        column.type() == SqlType.DECIMAL || column.type() == SqlType.DOUBLE ? 2 : 0, alias);
  }

  static Leaf literal(String sql, SqlType type, double bound, int scale) {
    return new Leaf(sql, "?" + type.name(), type, bound, scale, null);
  }

  boolean isColumn() {
    return alias != null;
  }

  /** The column's name, for a column reference. */
  String columnName() {
    return sql.substring(alias.length() + 1);
  }

  @Override public List<Expr> children() {
    return List.of();
  }

  @Override public Expr withChildren(List<Expr> children) {
    return this;
  }
}
