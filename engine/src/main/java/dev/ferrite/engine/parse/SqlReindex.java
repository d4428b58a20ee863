package dev.ferrite.engine.parse;

import java.util.Collections;
import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.SqlSpecialOperator;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/** REINDEX [name]: rebuild one index, the indexes of one table, or (no name) all indexes. */
public final class SqlReindex extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("REINDEX", SqlKind.OTHER_DDL);

  /** An index or table name; null for every index of the database. */
  public final @Nullable SqlIdentifier name;

  /** Creates the node. */
  public SqlReindex(SqlParserPos pos, @Nullable SqlIdentifier name) {
    super(pos);
    this.name = name;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return name == null ? Collections.emptyList() : List.of(name);
  }
}
