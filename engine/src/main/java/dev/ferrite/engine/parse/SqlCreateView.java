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

/** CREATE [OR REPLACE] VIEW [IF NOT EXISTS] name [(columns)] AS query. */
public final class SqlCreateView extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE VIEW", SqlKind.CREATE_VIEW);

  public final SqlIdentifier name;
  public final @Nullable SqlNodeList columnNames;
  public final SqlNode query;

  /** Creates a CREATE VIEW node. */
  public SqlCreateView(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name,
      @Nullable SqlNodeList columnNames, SqlNode query) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.columnNames = columnNames;
    this.query = query;
  }

  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columnNames, query);
  }
}
