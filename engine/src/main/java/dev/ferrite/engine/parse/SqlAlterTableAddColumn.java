package dev.ferrite.engine.parse;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** ALTER TABLE name ADD [COLUMN] column-definition. */
public final class SqlAlterTableAddColumn extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("ALTER TABLE", SqlKind.ALTER_TABLE);

  public final SqlIdentifier table;
  public final SqlNodeList columns;
  public final SqlNodeList constraints;

  /** Creates an ALTER TABLE ADD COLUMN node. */
  public SqlAlterTableAddColumn(SqlParserPos pos, SqlIdentifier table, SqlNodeList columns, SqlNodeList constraints) {
    super(pos);
    this.table = table;
    this.columns = columns;
    this.constraints = constraints;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(table, columns, constraints);
  }
}
