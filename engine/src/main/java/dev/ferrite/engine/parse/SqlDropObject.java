package dev.ferrite.engine.parse;

import java.util.List;
import org.apache.calcite.sql.SqlDrop;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;

/** DROP TABLE | VIEW | INDEX | TRIGGER [IF EXISTS] name [CASCADE | RESTRICT]. */
public final class SqlDropObject extends SqlDrop {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("DROP", SqlKind.OTHER_DDL);

  /** What is dropped. */
  public enum Kind { TABLE, VIEW, INDEX, TRIGGER }

  public final Kind kind;
  public final SqlIdentifier name;
  public final boolean cascade;

  /** Creates a DROP node. */
  public SqlDropObject(SqlParserPos pos, Kind kind, boolean ifExists, SqlIdentifier name, boolean cascade) {
    super(OPERATOR, pos, ifExists);
    this.kind = kind;
    this.name = name;
    this.cascade = cascade;
  }

  @Override public List<SqlNode> getOperandList() {
    return List.of(name);
  }
}
