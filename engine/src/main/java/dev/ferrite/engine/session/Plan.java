package dev.ferrite.engine.session;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.ParameterMetadata;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.exec.ModifyNode;
import dev.ferrite.engine.exec.PlanNode;
import dev.ferrite.engine.parse.SqlTransactionControl;
import java.util.List;
import org.apache.calcite.sql.SqlNode;

/**
 * A prepared statement: immutable, made for one catalog version. Query and DML plans hold only
 * our operators and compiled expressions; DDL plans hold the parse tree and are never cached.
 */
public final class Plan implements Prepared {
  public final String sql;
  public final StatementKind kind;
  public final long catalogVersion;
  public final List<ColumnMetadata> columns;
  public final List<ParameterMetadata> parameters;
  public final PlanNode root;
  public final ModifyNode modify;
  public final List<ColumnMetadata> generatedKeyColumns;
  public final SqlNode ddl;
  public final SqlTransactionControl transaction;
  public final List<String> explainLines;

  Plan(String sql, StatementKind kind, long catalogVersion, List<ColumnMetadata> columns,
      List<ParameterMetadata> parameters, PlanNode root, ModifyNode modify,
      List<ColumnMetadata> generatedKeyColumns, SqlNode ddl, SqlTransactionControl transaction,
      List<String> explainLines) {
    this.sql = sql;
    this.kind = kind;
    this.catalogVersion = catalogVersion;
    this.columns = List.copyOf(columns);
    this.parameters = List.copyOf(parameters);
    this.root = root;
    this.modify = modify;
    this.generatedKeyColumns = List.copyOf(generatedKeyColumns);
    this.ddl = ddl;
    this.transaction = transaction;
    this.explainLines = explainLines;
  }

  @Override public String sql() {
    return sql;
  }

  @Override public StatementKind kind() {
    return kind;
  }

  @Override public List<ColumnMetadata> columns() {
    return columns;
  }

  @Override public List<ParameterMetadata> parameters() {
    return parameters;
  }

  /** Whether the plan cache may keep it (DDL and EXPLAIN are re-planned each time). */
  public boolean cacheable() {
    return ddl == null && explainLines == null;
  }

  /** The plan tree as indented lines, for EXPLAIN. */
  public static void explain(PlanNode node, int depth, List<String> out) {
    out.add("  ".repeat(depth) + node.describe());
    for (PlanNode in : node.inputs()) {
      explain(in, depth + 1, out);
    }
  }
}
