package dev.ferrite.sqltests.differential;

import java.util.List;
import java.util.stream.Collectors;

/** A generated table. */
record Table(String name, List<Column> columns) {
  String ddl() {
    return "CREATE TABLE " + name + "(" + columns.stream().map(Column::ddl).collect(Collectors.joining(", ")) + ")";
  }
}
