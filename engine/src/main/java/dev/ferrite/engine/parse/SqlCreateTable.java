package dev.ferrite.engine.parse;

import java.util.Arrays;
import java.util.List;
import org.apache.calcite.sql.SqlCreate;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** CREATE TABLE [IF NOT EXISTS] name (columns and constraints) | AS query. */
public final class SqlCreateTable extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TABLE", SqlKind.CREATE_TABLE);

  public final SqlIdentifier name;
  public final SqlNodeList columns;
  public final SqlNodeList constraints;
  public final @Nullable SqlNode query;

  /** Creates a CREATE TABLE node. */
  public SqlCreateTable(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      SqlNodeList columns, SqlNodeList constraints, @Nullable SqlNode query) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.columns = columns;
    this.constraints = constraints;
    this.query = query;
  }

  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns, constraints, query);
  }
}
