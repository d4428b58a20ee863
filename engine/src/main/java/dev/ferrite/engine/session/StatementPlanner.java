package dev.ferrite.engine.session;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.exec.ModifyNode;
import dev.ferrite.engine.exec.PlanNode;
import dev.ferrite.engine.parse.SqlAlterTableAddColumn;
import dev.ferrite.engine.parse.SqlExplainPlan;
import dev.ferrite.engine.parse.SqlInsertOr;
import dev.ferrite.engine.parse.SqlReindex;
import dev.ferrite.engine.parse.SqlTransactionControl;
import dev.ferrite.engine.plan.PhysicalPlanner;
import dev.ferrite.engine.plan.SqlPlanner;
import dev.ferrite.engine.table.OnConflict;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlExplain;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;

/** Prepares one statement from SQL text against one catalog version. */
public final class StatementPlanner {
  private StatementPlanner() {
  }

  /** A plan and, for each of its parameters, the template literal it was made from. */
  record Templated(Plan plan, int[] parameterLiterals) {
  }

  /**
   * Plans {@code sql} with its value literals turned into parameters (see
   * {@link LiteralParameterizer}); falls back to planning the text as it is when the
   * parameterized form does not validate.
   */
  static Templated planTemplate(String sql, SqlTemplate template, Catalog catalog, int maxKeyLength,
      ToLongFunction<String> rowCounts) {
    SqlNode node = SqlPlanner.parse(sql);
    if (node.isA(SqlKind.QUERY) || node.isA(SqlKind.DML)) {
      int[] params = LiteralParameterizer.apply(node, sql, template);
      if (params.length > 0) {
        try {
          return new Templated(plan(sql, node, catalog, maxKeyLength, rowCounts), params);
        } catch (EngineException e) {
          if (!e.sqlState().startsWith("42") && !e.sqlState().startsWith("0A")) {
            throw e;
          }
        }
        node = SqlPlanner.parse(sql);
      }
    }
    return new Templated(plan(sql, node, catalog, maxKeyLength, rowCounts), new int[0]);
  }

  /** Makes the plan of {@code sql}. */
  public static Plan plan(String sql, Catalog catalog, int maxKeyLength, ToLongFunction<String> rowCounts) {
    return plan(sql, SqlPlanner.parse(sql), catalog, maxKeyLength, rowCounts);
  }

  private static Plan plan(String sql, SqlNode node, Catalog catalog, int maxKeyLength,
      ToLongFunction<String> rowCounts) {
    if (node instanceof SqlTransactionControl) {
      return new Plan(sql, StatementKind.TRANSACTION_CONTROL, catalog.version(), List.of(), List.of(), null, null,
          List.of(), null, (SqlTransactionControl) node, null);
    }
    if (node instanceof SqlCreate || node instanceof SqlDrop || node instanceof SqlAlterTableAddColumn
        || node instanceof SqlReindex) {
      return new Plan(sql, StatementKind.DDL, catalog.version(), List.of(), List.of(), null, null, List.of(), node,
          null, null);
    }
    SqlPlanner planner = new SqlPlanner(catalog, maxKeyLength, rowCounts);
    if (node instanceof SqlExplainPlan || node instanceof SqlExplain) {
      SqlNode inner = node instanceof SqlExplainPlan ? ((SqlExplainPlan) node).statement
          : ((SqlExplain) node).getExplicandum();
      boolean query = inner.isA(SqlKind.QUERY);
      SqlPlanner.Logical logical = planner.plan(inner, query);
      PlanNode root = withConflict(inner, new PhysicalPlanner(planner.rexBuilder()).translate(logical.rel));
      List<String> lines = new ArrayList<>();
      Plan.explain(root, 0, lines);
      ColumnMetadata column = new ColumnMetadata("PLAN", "", "", "", new ColumnType(SqlType.VARCHAR, 0, 0), false, false);
      return new Plan(sql, StatementKind.QUERY, catalog.version(), List.of(column), logical.parameters, null, null,
          List.of(), null, null, List.copyOf(lines));
    }
    if (node.isA(SqlKind.QUERY)) {
      SqlPlanner.Logical logical = planner.plan(node, true);
      PlanNode root = new PhysicalPlanner(planner.rexBuilder()).translate(logical.rel);
      return new Plan(sql, StatementKind.QUERY, catalog.version(), logical.columns, logical.parameters, root, null,
          List.of(), null, null, null);
    }
    if (node.isA(SqlKind.DML)) {
      LiteralLengths.check(node, catalog);
      ConflictNulls.typeNulls(node, catalog);
      SqlPlanner.Logical logical = planner.plan(node, false);
      PlanNode root = new PhysicalPlanner(planner.rexBuilder()).translate(logical.rel);
      if (!(root instanceof ModifyNode)) {
        throw new EngineException(SqlStates.INTERNAL_ERROR, "DML did not plan to a modification: " + root.describe());
      }
      return new Plan(sql, StatementKind.DML, catalog.version(), List.of(), logical.parameters, null,
          (ModifyNode) withConflict(node, root), generatedKeyColumns(node, catalog), null, null, null);
    }
    throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "statement not supported: " + node.getKind());
  }

  /** The modification of an INSERT OR REPLACE / IGNORE resolving conflicts so; other plans as they are. */
  private static PlanNode withConflict(SqlNode node, PlanNode root) {
    if (node instanceof SqlInsertOr && root instanceof ModifyNode) {
      return ((ModifyNode) root).withConflict(OnConflict.valueOf(((SqlInsertOr) node).conflict.name()));
    }
    return root;
  }

  private static List<ColumnMetadata> generatedKeyColumns(SqlNode node, Catalog catalog) {
    if (!(node instanceof SqlInsert)) {
      return List.of();
    }
    SqlNode target = ((SqlInsert) node).getTargetTable();
    if (!(target instanceof SqlIdentifier)) {
      return List.of();
    }
    List<String> names = ((SqlIdentifier) target).names;
    TableDef t = catalog.table(names.get(names.size() - 1));
    if (t == null || t.identityColumn() < 0) {
      return List.of();
    }
    ColumnDef c = t.columns().get(t.identityColumn());
    return List.of(new ColumnMetadata(c.name(), c.name(), Catalog.SCHEMA, t.name(), c.type(), false, true));
  }
}
