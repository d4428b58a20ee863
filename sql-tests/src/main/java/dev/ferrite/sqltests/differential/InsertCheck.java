package dev.ferrite.sqltests.differential;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A row one engine accepted and the other rejected while loading (a constraint or conversion
 * difference), replayed on a database loaded without it.
 */
record InsertCheck(Table table, Insert row) implements Check {
  @Override public String oracle() {
    return "H2";
  }

  /** Inserts the row into both engines (kept only if both accept it). */
  @Override public Mismatch run(Env env) {
    try {
      Outcome[] both = env.insert(row);
      return DifferentialCheck.compare(both[Engine.FERRITE.ordinal()], both[Engine.H2.ordinal()], false);
    } catch (java.sql.SQLException e) {
      return Mismatch.ferriteError(Outcome.failure(e.getSQLState(), e.getMessage()), "commit or rollback: " + e);
    }
  }

  @Override public List<Check> shrink() {
    return List.of();
  }

  @Override public String sql() {
    return row.sql() + ";";
  }

  @Override public String shape() {
    return "CREATE TABLE t(" + table.columns().stream().map(c -> c.ddl().substring(c.name().length() + 1))
        .collect(Collectors.joining(", ")) + ") INSERT (" + row.values().stream().map(Leaf::shape)
        .collect(Collectors.joining(", ")) + ")";
  }
}
