package dev.ferrite.sqltests.differential;

import java.util.List;
import java.util.stream.Collectors;

/** One generated row, inserted by its own statement so a reduction can drop rows one at a time. */
record Insert(String table, List<Leaf> values) {
  String sql() {
    return "INSERT INTO " + table + " VALUES (" + values.stream().map(Leaf::sql).collect(Collectors.joining(", ")) + ")";
  }
}
