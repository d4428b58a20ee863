package dev.ferrite.sqltests.differential;

import java.util.List;

/**
 * The differential oracle: one query on Ferrite and on H2 must give the same rows (as a multiset,
 * or in order when ORDER BY fixes it), or both fail.
 */
record DifferentialCheck(Query query) implements Check {
  @Override public String oracle() {
    return "H2";
  }

  @Override public Mismatch run(Env env) {
    String sql = query.sql();
    Outcome ferrite = env.query(Engine.FERRITE, sql);
    Outcome h2 = env.query(Engine.H2, sql);
    return compare(ferrite, h2, query.ordered());
  }

  /** Compares Ferrite's outcome with H2's; shared with the INSERT comparison. */
  static Mismatch compare(Outcome ferrite, Outcome h2, boolean ordered) {
    if (ferrite.timedOut() || h2.timedOut()) {
      return Mismatch.SKIPPED;
    }
    if (!ferrite.ok() && !h2.ok()) {
      return null;
    }
    if (!ferrite.ok()) {
      return Mismatch.ferriteError(ferrite, "Ferrite " + ferrite + "; H2 " + h2);
    }
    if (!h2.ok()) {
      return new Mismatch("h2-only error " + h2.error(), "Ferrite " + ferrite + "; H2 " + h2);
    }
    String diff = ResultComparison.difference(ferrite.rows(), h2.rows(), ordered);
    return diff == null ? null : new Mismatch("rows", "Ferrite " + ferrite + "; H2 " + h2 + "; " + diff);
  }

  @Override public List<Check> shrink() {
    return Shrinker.queries(query).stream().<Check>map(DifferentialCheck::new).toList();
  }

  @Override public String sql() {
    return query.sql() + ";";
  }

  @Override public String shape() {
    return query.shape();
  }
}
