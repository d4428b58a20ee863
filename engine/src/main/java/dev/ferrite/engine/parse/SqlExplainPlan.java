package dev.ferrite.engine.parse;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** EXPLAIN statement: shows Ferrite's physical plan for the statement instead of running it. */
public final class SqlExplainPlan extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("EXPLAIN", SqlKind.OTHER);

  public final SqlNode statement;

  /** Creates an EXPLAIN of the given query or DML statement. */
  public SqlExplainPlan(SqlParserPos pos, SqlNode statement) {
    super(pos);
    this.statement = statement;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(statement);
  }
}
