package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Tables for FROM clauses under fresh aliases ({@code a0}, {@code a1}, ... per query, subqueries
 * included, so correlated references are never ambiguous), and the scope they give expressions.
 */
final class Froms {
  private final Dice dice;
  private final DatabaseSpec db;
  private int next;

  Froms(Dice dice, DatabaseSpec db) {
    this.dice = dice;
    this.db = db;
  }

  /** Starts the aliases of a new query. */
  void reset() {
    next = 0;
  }

  /** A random table under a fresh alias, without a join condition yet. */
  TableRef table(String join) {
    return new TableRef(join, dice.pick(db.tables()).name(), "a" + next++, null);
  }

  /** The columns of {@code refs} with the bounds of their data; rows is the size of their cross product. */
  Scope scope(List<TableRef> refs, boolean subqueries) {
    List<Leaf> columns = new ArrayList<>();
    double rows = 1;
    for (TableRef ref : refs) {
      Table t = db.table(ref.table());
      for (Column c : t.columns()) {
        columns.add(Leaf.column(ref.alias(), c, db.bound(t.name(), c)));
      }
      rows *= Math.max(1, db.rowCount(t.name()));
    }
    return new Scope(List.copyOf(columns), rows, subqueries);
  }
}
