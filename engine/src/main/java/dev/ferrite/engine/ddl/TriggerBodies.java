package dev.ferrite.engine.ddl;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.catalog.TriggerStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.util.SqlBasicVisitor;

/**
 * Makes the statements of a trigger preparable on their own: cuts each one's text out of the
 * CREATE TRIGGER statement and replaces every {@code NEW.column} / {@code OLD.column} with
 * {@code CAST(? AS column type)}. The cast gives the parameter its type wherever it stands
 * ({@code SELECT NEW.x + 1} has nothing else to type it by). References are checked here: the
 * column must exist, and the row must exist for the event (INSERT has only NEW, DELETE only OLD).
 */
final class TriggerBodies {
  private final String sql;
  private final TableDef table;
  private final TriggerDef.Event event;

  /** Over the text {@code sql} of a CREATE TRIGGER on {@code table} for {@code event}. */
  TriggerBodies(String sql, TableDef table, TriggerDef.Event event) {
    this.sql = sql;
    this.table = table;
    this.event = event;
  }

  /** A body statement, parsed as {@code node} from the text at {@code span}. */
  TriggerStatement statement(SqlNode node, SqlParserPos span) {
    return rewrite(node, span, "", "");
  }

  /** The WHEN condition as a query returning 1 when it is true, else 0 (false or unknown). */
  TriggerStatement condition(SqlNode when, SqlParserPos span) {
    return rewrite(when, span, "SELECT CASE WHEN (", ") THEN 1 ELSE 0 END");
  }

  private record Reference(int start, int end, TriggerStatement.RowReference ref, String type) {
  }

  private TriggerStatement rewrite(SqlNode node, SqlParserPos span, String prefix, String suffix) {
    List<Reference> refs = new ArrayList<>();
    node.accept(new SqlBasicVisitor<Void>() {
      @Override public Void visit(SqlIdentifier id) {
        Reference r = reference(id);
        if (r != null) {
          refs.add(r);
        }
        return null;
      }

      @Override public Void visit(SqlDynamicParam param) {
        throw new EngineException(SqlStates.SYNTAX_ERROR, "a trigger cannot have ? parameters; refer to the row"
            + " being changed as NEW.column or OLD.column");
      }
    });
    refs.sort(Comparator.comparingInt(Reference::start));
    int start = SqlText.offset(sql, span.getLineNum(), span.getColumnNum());
    int end = Math.min(sql.length(), SqlText.offset(sql, span.getEndLineNum(), span.getEndColumnNum()) + 1);
    StringBuilder text = new StringBuilder(prefix);
    List<TriggerStatement.RowReference> order = new ArrayList<>();
    int at = start;
    for (Reference r : refs) {
      text.append(sql, at, r.start).append("CAST(? AS ").append(r.type).append(')');
      order.add(r.ref);
      at = r.end;
    }
    text.append(sql, at, end).append(suffix);
    return new TriggerStatement(text.toString(), order);
  }

  /** The row reference {@code id} is, or null when it names something else. */
  private Reference reference(SqlIdentifier id) {
    if (id.names.size() != 2) {
      return null;
    }
    String row = id.names.get(0);
    boolean isNew = row.equalsIgnoreCase("NEW");
    if (!isNew && !row.equalsIgnoreCase("OLD")) {
      return null;
    }
    if (id.isStar()) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, row + ".* is not allowed in a trigger; name the columns");
    }
    if (isNew && event == TriggerDef.Event.DELETE || !isNew && event == TriggerDef.Event.INSERT) {
      throw new EngineException(SqlStates.UNDEFINED_COLUMN, id + ": a trigger on " + event + " has no "
          + (isNew ? "NEW" : "OLD") + " row");
    }
    String column = id.names.get(1);
    int position = table.columnIndex(column);
    if (position < 0) {
      throw new EngineException(SqlStates.UNDEFINED_COLUMN, "column " + column + " not found in table "
          + table.name() + " (" + id + ")");
    }
    SqlParserPos pos = id.getParserPosition();
    int start = SqlText.offset(sql, pos.getLineNum(), pos.getColumnNum());
    int end = SqlText.offset(sql, pos.getEndLineNum(), pos.getEndColumnNum()) + 1;
    return new Reference(start, end, new TriggerStatement.RowReference(isNew, column),
        table.columns().get(position).type().sqlName());
  }
}
