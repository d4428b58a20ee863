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
import org.apache.calcite.sql.SqlWriter;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** A PRIMARY KEY or UNIQUE constraint, written on a column or as a table element. */
public final class SqlTableConstraint extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("TABLE_CONSTRAINT", SqlKind.OTHER_DDL);

  /** Which constraint. */
  public enum Kind { PRIMARY_KEY, UNIQUE }

  public final Kind kind;
  public final @Nullable SqlIdentifier name;
  public final SqlNodeList columns;

  /** Creates a constraint over the given column identifiers. */
  public SqlTableConstraint(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier name, SqlNodeList columns) {
    super(pos);
    this.kind = kind;
    this.name = name;
    this.columns = columns;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return Arrays.asList(name, columns);
  }

  @Override public void unparse(SqlWriter writer, int leftPrec, int rightPrec) {
    writer.keyword(kind == Kind.PRIMARY_KEY ? "PRIMARY KEY" : "UNIQUE");
    columns.unparse(writer, 0, 0);
  }
}
