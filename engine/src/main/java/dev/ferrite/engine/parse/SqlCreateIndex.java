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

/** CREATE [UNIQUE] INDEX [IF NOT EXISTS] name ON table (column [ASC|DESC], ...). */
public final class SqlCreateIndex extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE INDEX", SqlKind.CREATE_INDEX);

  public final boolean unique;
  public final SqlIdentifier name;
  public final SqlIdentifier table;
  /** Each entry is a column identifier, or a DESC call around one. */
  public final SqlNodeList columns;

  /** Creates a CREATE INDEX node. */
  public SqlCreateIndex(SqlParserPos pos, boolean replace, boolean unique, boolean ifNotExists,
      SqlIdentifier name, SqlIdentifier table, SqlNodeList columns) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.unique = unique;
    this.name = name;
    this.table = table;
    this.columns = columns;
  }

  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, table, columns);
  }
}
