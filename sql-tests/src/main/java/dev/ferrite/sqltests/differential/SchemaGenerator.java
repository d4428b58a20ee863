package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Random schemas: 2–4 tables of 2–6 columns of every generated type, some with a primary key,
 * NOT NULL or UNIQUE, and a few secondary indexes (unique or not, ascending or descending, one or
 * two columns); then random rows for them, with NULLs, repeated values and repeated rows.
 */
final class SchemaGenerator {
  private final Dice dice;
  private final Literals literals;

  SchemaGenerator(Dice dice) {
    this.dice = dice;
    this.literals = new Literals(dice);
  }

  DatabaseSpec database() {
    List<Table> tables = new ArrayList<>();
    for (int t = dice.between(2, 4) - 1; t >= 0; t--) {
      tables.add(0, table("t" + t));
    }
    List<String> indexes = new ArrayList<>();
    for (int i = dice.between(0, 3); i > 0; i--) {
      indexes.add(index("i" + indexes.size(), dice.pick(tables)));
    }
    List<Insert> rows = new ArrayList<>();
    for (Table t : tables) {
      rows.addAll(rows(t));
    }
    return new DatabaseSpec(List.copyOf(tables), List.copyOf(indexes), List.copyOf(rows));
  }

  private Table table(String name) {
    int count = dice.between(2, 6);
    int key = dice.chance(0.5) ? dice.between(0, count - 1) : -1;
    List<Column> columns = new ArrayList<>();
    for (int c = 0; c < count; c++) {
      columns.add(new Column("c" + c, dice.pick(SqlType.values()), c == key, dice.chance(0.2), dice.chance(0.12)));
    }
    return new Table(name, List.copyOf(columns));
  }

  private String index(String name, Table table) {
    Column first = dice.pick(table.columns());
    Column second = dice.pick(table.columns());
    String columns = first.name() + (dice.chance(0.3) ? " DESC" : "")
        + (second != first && dice.chance(0.5) ? ", " + second.name() : "");
    return "CREATE " + (dice.chance(0.2) ? "UNIQUE " : "") + "INDEX " + name + " ON " + table.name() + "(" + columns + ")";
  }

  /**
   * 0–14 rows; a row sometimes repeats an earlier one (a duplicate the constraints may reject),
   * and a value often repeats one of its column's earlier values.
   */
  private List<Insert> rows(Table table) {
    List<Insert> out = new ArrayList<>();
    int count = dice.chance(0.1) ? 0 : dice.between(1, 14);
    for (int r = 0; r < count; r++) {
      if (!out.isEmpty() && dice.chance(0.15)) {
        out.add(dice.pick(out));
        continue;
      }
      List<Leaf> values = new ArrayList<>();
      for (int c = 0; c < table.columns().size(); c++) {
        Column column = table.columns().get(c);
        values.add(!out.isEmpty() && dice.chance(0.3) ? dice.pick(out).values().get(c)
            : literals.row(column.type(), column.nullable()));
      }
      out.add(new Insert(table.name(), List.copyOf(values)));
    }
    return out;
  }
}
