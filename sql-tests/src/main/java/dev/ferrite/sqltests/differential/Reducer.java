package dev.ferrite.sqltests.differential;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Shrinks a failing case while it keeps failing the same way (same oracle, same mismatch kind):
 * first the query (cheap, on the loaded database), then the data (tables the case does not name,
 * indexes, rows in halving chunks; each try loads a fresh database), then the query again. Greedy
 * and deterministic, so a seed always reduces to the same case, and within a budget of tries.
 */
final class Reducer {
  private final int queryBudget;
  private final int dataBudget;

  /** A reducer that tries at most {@code queryBudget} smaller queries and {@code dataBudget} smaller databases per pass. */
  Reducer(int queryBudget, int dataBudget) {
    this.queryBudget = queryBudget;
    this.dataBudget = dataBudget;
  }

  /** A case, the database it fails on and how it fails. */
  record Reduced(Check check, DatabaseSpec spec, Mismatch mismatch) {
  }

  /** Query, then data, then query again. */
  Reduced reduce(Reduced r) throws SQLException {
    return reduceQuery(reduceData(reduceQuery(r)));
  }

  /** The query only, on the database as it is. */
  Reduced reduceQuery(Reduced r) throws SQLException {
    int budget = queryBudget;
    try (Env env = Env.open(r.spec)) {
      boolean progress = true;
      while (progress && budget > 0) {
        progress = false;
        for (Check candidate : r.check.shrink()) {
          if (budget-- <= 0) {
            break;
          }
          Mismatch m = candidate.run(env);
          if (same(m, r.mismatch)) {
            r = new Reduced(candidate, r.spec, m);
            progress = true;
            break;
          }
        }
      }
    }
    return r;
  }

  private Reduced reduceData(Reduced r) throws SQLException {
    int[] budget = {dataBudget};
    String sql = r.check.sql();
    for (Table t : r.spec.tables()) {
      if (!Pattern.compile("\\b" + t.name() + "\\b").matcher(sql).find()) {
        r = attempt(r, r.spec.without(t), budget);
      }
    }
    for (String index : r.spec.indexes()) {
      List<String> fewer = new ArrayList<>(r.spec.indexes());
      fewer.remove(index);
      r = attempt(r, r.spec.withIndexes(fewer), budget);
    }
    for (int chunk = Math.max(1, r.spec.rows().size() / 2); chunk >= 1 && budget[0] > 0; chunk /= 2) {
      for (int from = 0; from < r.spec.rows().size() && budget[0] > 0; ) {
        List<Insert> fewer = new ArrayList<>(r.spec.rows());
        fewer.subList(from, Math.min(from + chunk, fewer.size())).clear();
        Reduced next = attempt(r, r.spec.withRows(fewer), budget);
        if (next == r) {
          from += chunk;
        }
        r = next;
      }
    }
    return r;
  }

  /** {@code r} with {@code smaller} if the case still fails the same way on it, else {@code r}. */
  private Reduced attempt(Reduced r, DatabaseSpec smaller, int[] budget) throws SQLException {
    if (budget[0]-- <= 0) {
      return r;
    }
    try (Env env = Env.open(smaller)) {
      Mismatch m = r.check.run(env);
      return same(m, r.mismatch) && env.spec().rows().size() == smaller.rows().size() ? new Reduced(r.check, env.spec(), m) : r;
    }
  }

  private static boolean same(Mismatch m, Mismatch wanted) {
    return m != null && !m.skipped() && m.kind().equals(wanted.kind());
  }
}
