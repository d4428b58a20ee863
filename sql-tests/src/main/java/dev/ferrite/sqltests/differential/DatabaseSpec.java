package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * A generated database: tables, extra indexes and rows. After loading, {@code rows} holds only the
 * rows both engines accepted, so the spec is exactly what the queries ran against, and its script
 * is a reproduction.
 *
 * @param indexes CREATE [UNIQUE] INDEX statements
 */
record DatabaseSpec(List<Table> tables, List<String> indexes, List<Insert> rows) {
  /** Every statement that builds the database, in order. */
  List<String> script() {
    List<String> out = new ArrayList<>();
    tables.forEach(t -> out.add(t.ddl()));
    out.addAll(indexes);
    rows.forEach(r -> out.add(r.sql()));
    return out;
  }

  Table table(String name) {
    return tables.stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
  }

  /** The largest magnitude in a numeric column (0 if it holds no number). */
  double bound(String table, Column column) {
    int i = table(table).columns().indexOf(column);
    return rows.stream().filter(r -> r.table().equals(table))
        .mapToDouble(r -> r.values().get(i).bound()).max().orElse(0);
  }

  long rowCount(String table) {
    return rows.stream().filter(r -> r.table().equals(table)).count();
  }

  DatabaseSpec withRows(List<Insert> newRows) {
    return new DatabaseSpec(tables, indexes, List.copyOf(newRows));
  }

  DatabaseSpec withIndexes(List<String> newIndexes) {
    return new DatabaseSpec(tables, List.copyOf(newIndexes), rows);
  }

  /** Without the table and its rows and indexes (the reducer drops tables a query does not use). */
  DatabaseSpec without(Table table) {
    List<Table> t = new ArrayList<>(tables);
    t.remove(table);
    String on = " ON " + table.name() + "(";
    return new DatabaseSpec(List.copyOf(t), indexes.stream().filter(i -> !i.contains(on)).toList(),
        rows.stream().filter(r -> !r.table().equals(table.name())).toList());
  }
}
