package dev.ferrite.engine.ddl;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.catalog.TriggerStatement;
import dev.ferrite.engine.parse.SqlCreateTrigger;
import dev.ferrite.engine.plan.SqlPlanner;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/**
 * CREATE TRIGGER and DROP TRIGGER. A new trigger's statements are prepared once here against the
 * current catalog, so an unknown table or column, or a NEW/OLD reference its event has no row
 * for, fails CREATE TRIGGER rather than the first statement that fires it.
 */
final class TriggerDdl {
  private final Catalog catalog;
  private final CatalogWriter writer;
  private final SqlPlanner planner;
  private final String sql;

  TriggerDdl(Catalog catalog, CatalogWriter writer, SqlPlanner planner, String sql) {
    this.catalog = catalog;
    this.writer = writer;
    this.planner = planner;
    this.sql = sql;
  }

  void create(SqlCreateTrigger node) {
    String name = DdlExecutor.name(node.name);
    String tableName = DdlExecutor.name(node.table);
    TableDef table = catalog.table(tableName);
    if (table == null) {
      if (catalog.view(tableName) != null) {
        throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "triggers on views (INSTEAD OF) are not supported: "
            + tableName + " is a view");
      }
      throw new EngineException(SqlStates.UNDEFINED_TABLE, "table " + tableName + " not found");
    }
    if (catalog.trigger(name) != null) {
      if (node.ifNotExists) {
        return;
      }
      if (!node.getReplace()) {
        throw new EngineException(SqlStates.DUPLICATE_OBJECT, "trigger " + name + " already exists");
      }
      writer.removeTrigger(name);
    }
    List<String> columns = new ArrayList<>();
    for (SqlNode c : node.columns) {
      String column = ((SqlIdentifier) c).getSimple();
      if (table.columnIndex(column) < 0) {
        throw new EngineException(SqlStates.UNDEFINED_COLUMN, "column " + column + " not found in table " + tableName);
      }
      columns.add(column);
    }
    TriggerDef.Event event = TriggerDef.Event.valueOf(node.event.name());
    TriggerBodies bodies = new TriggerBodies(sql, table, event);
    TriggerStatement when = null;
    if (node.when != null) {
      when = bodies.condition(node.when, node.whenSpan);
      check(when, true, "WHEN " + SqlText.slice(sql, node.whenSpan));
    }
    List<TriggerStatement> actions = new ArrayList<>();
    for (int i = 0; i < node.statements.size(); i++) {
      SqlNode statement = node.statements.get(i);
      TriggerStatement action = bodies.statement(statement, node.statementSpans.get(i));
      check(action, statement.isA(SqlKind.QUERY), SqlText.slice(sql, node.statementSpans.get(i)));
      actions.add(action);
    }
    writer.putTrigger(new TriggerDef(writer.nextId(), name, tableName, TriggerDef.Timing.valueOf(node.timing.name()),
        event, columns, when, actions, SqlText.sliceToEnd(sql, node.getParserPosition())));
  }

  /**
   * Validates a statement of the trigger as it will run. An error names the statement as
   * written: its position would be one in the rewritten text, which the user never saw.
   */
  private void check(TriggerStatement statement, boolean query, String written) {
    try {
      planner.plan(SqlPlanner.parse(statement.sql()), query);
    } catch (EngineException e) {
      throw new EngineException(e.sqlState(), "in trigger statement \"" + written + "\": " + e.getMessage(), e);
    }
  }

  void drop(String name, boolean ifExists) {
    if (catalog.trigger(name) == null) {
      if (!ifExists) {
        throw new EngineException(SqlStates.UNDEFINED_OBJECT, "trigger " + name + " not found");
      }
      return;
    }
    writer.removeTrigger(name);
  }
}
