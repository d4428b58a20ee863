package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Non-optimizing reference engine construction (NoREC) on Ferrite alone: {@code SELECT COUNT(*)
 * FROM f WHERE p} may be optimized (index scans, pushed-down filters), {@code SELECT SUM(CASE WHEN
 * p THEN 1 ELSE 0 END) FROM f} evaluates {@code p} on every row; the counts must agree. With
 * {@code indexed} columns the optimized count is taken again after creating an index on them.
 *
 * @param indexed columns of the single table in {@code from} to index for the second count;
 *     empty for none
 */
record NoRecCheck(List<TableRef> from, Expr predicate, List<Column> indexed) implements Check {
  private static final String INDEX = "norec_index";

  @Override public String oracle() {
    return "NoREC";
  }

  @Override public Mismatch run(Env env) {
    Outcome optimized = env.query(Engine.FERRITE, counting().sql());
    Outcome reference = env.query(Engine.FERRITE, reference().sql());
    Mismatch problem = problem(optimized, reference);
    if (problem != null) {
      return problem;
    }
    long expected = count(reference);
    if (count(optimized) != expected) {
      return new Mismatch("count", "WHERE counts " + count(optimized) + ", CASE counts " + expected);
    }
    if (indexed.isEmpty()) {
      return null;
    }
    Outcome created = env.update(Engine.FERRITE, createIndex());
    if (!created.ok()) {
      return Mismatch.ferriteError(created, "CREATE INDEX: " + created);
    }
    try {
      Outcome withIndex = env.query(Engine.FERRITE, counting().sql());
      problem = problem(withIndex, reference);
      if (problem != null || count(withIndex) == expected) {
        return problem;
      }
      return new Mismatch("count with index", "WHERE counts " + count(withIndex) + " with the index, CASE counts " + expected);
    } finally {
      env.update(Engine.FERRITE, "DROP INDEX " + INDEX);
    }
  }

  private static Mismatch problem(Outcome counted, Outcome reference) {
    if (counted.timedOut() || reference.timedOut()) {
      return Mismatch.SKIPPED;
    }
    if (!counted.ok()) {
      return Mismatch.ferriteError(counted, "COUNT query: " + counted);
    }
    return reference.ok() ? null : Mismatch.ferriteError(reference, "CASE query: " + reference);
  }

  /** The single count of an outcome; SUM over no rows is NULL, which counts nothing. */
  private static long count(Outcome o) {
    Object v = o.rows().get(0).get(0);
    return v == null ? 0 : ((Number) v).longValue();
  }

  private Select counting() {
    return Select.of(List.of(Op.of(SqlType.BIGINT, 0, 0, "COUNT(*)")), from).withWhere(predicate);
  }

  private Select reference() {
    return Select.of(List.of(Op.of(SqlType.BIGINT, 0, 0, "SUM(CASE WHEN ", predicate, " THEN 1 ELSE 0 END)")), from);
  }

  private String createIndex() {
    return "CREATE INDEX " + INDEX + " ON " + from.get(0).table() + "("
        + indexed.stream().map(Column::name).collect(Collectors.joining(", ")) + ")";
  }

  @Override public List<Check> shrink() {
    List<Check> out = new ArrayList<>();
    if (!indexed.isEmpty()) {
      out.add(new NoRecCheck(from, predicate, List.of()));
    }
    for (Select s : Shrinker.selects(counting())) {
      if (s.where() != null) {
        out.add(new NoRecCheck(s.from(), s.where(), indexed));
      }
    }
    return out;
  }

  @Override public String sql() {
    String both = counting().sql() + ";\n" + reference().sql() + ";";
    return indexed.isEmpty() ? both : both + "\n" + createIndex() + ";\n" + counting().sql() + ";";
  }

  @Override public String shape() {
    String index = indexed.isEmpty() ? ""
        : " +INDEX(" + indexed.stream().map(c -> c.type().name()).collect(Collectors.joining(", ")) + ")";
    return counting().shape() + index;
  }
}
