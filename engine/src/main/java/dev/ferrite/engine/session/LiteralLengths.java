package dev.ferrite.engine.session;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.TableDef;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * Rejects string literals too long for the column they are assigned to (22001). Calcite
 * truncates such literals to the column type while converting INSERT ... VALUES and UPDATE ...
 * SET, before any of our code sees the value, so the check must happen on the parse tree.
 * Values computed at run time are checked by the table writer.
 */
final class LiteralLengths {
  private LiteralLengths() {
  }

  static void check(SqlNode node, Catalog catalog) {
    if (node instanceof SqlInsert) {
      SqlInsert insert = (SqlInsert) node;
      TableDef table = table(insert.getTargetTable(), catalog);
      SqlNode source = insert.getSource();
      if (table == null || source.getKind() != SqlKind.VALUES) {
        return;
      }
      List<ColumnDef> targets = targets(table, insert.getTargetColumnList());
      for (SqlNode row : ((SqlCall) source).getOperandList()) {
        if (row instanceof SqlCall && row.getKind() == SqlKind.ROW) {
          List<SqlNode> values = ((SqlCall) row).getOperandList();
          for (int i = 0; i < values.size() && i < targets.size(); i++) {
            check(values.get(i), targets.get(i));
          }
        }
      }
    } else if (node instanceof SqlUpdate) {
      SqlUpdate update = (SqlUpdate) node;
      TableDef table = table(update.getTargetTable(), catalog);
      if (table == null) {
        return;
      }
      List<ColumnDef> targets = targets(table, update.getTargetColumnList());
      for (int i = 0; i < targets.size(); i++) {
        check(update.getSourceExpressionList().get(i), targets.get(i));
      }
    }
  }

  /** The catalog table an INSERT or UPDATE target names, or null. */
  static TableDef table(SqlNode target, Catalog catalog) {
    if (!(target instanceof SqlIdentifier)) {
      return null;
    }
    List<String> names = ((SqlIdentifier) target).names;
    return catalog.table(names.get(names.size() - 1));
  }

  /** The columns a column list names (all, without one); empty if one is unknown. */
  static List<ColumnDef> targets(TableDef table, SqlNodeList columns) {
    if (columns == null || columns.isEmpty()) {
      return table.columns();
    }
    List<ColumnDef> out = new ArrayList<>();
    for (SqlNode c : columns) {
      int i = table.columnIndex(((SqlIdentifier) c).getSimple());
      if (i < 0) {
        return List.of(); // the validator reports the unknown column
      }
      out.add(table.columns().get(i));
    }
    return out;
  }

  private static void check(SqlNode value, ColumnDef column) {
    int max = column.type().precision();
    if (!(value instanceof SqlCharStringLiteral) || max <= 0 || !column.type().type().isCharacter()) {
      return;
    }
    String s = ((SqlCharStringLiteral) value).getValueAs(String.class).replaceAll(" +$", "");
    if (s.codePointCount(0, s.length()) > max) {
      throw new EngineException(SqlStates.STRING_TRUNCATION, "value too long for column " + column.name() + " "
          + column.type().sqlName(), value.getParserPosition().getLineNum(),
          value.getParserPosition().getColumnNum(), null);
    }
  }
}
