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

/** BEGIN, COMMIT, ROLLBACK [TO SAVEPOINT], SAVEPOINT, RELEASE SAVEPOINT, SET TRANSACTION. */
public final class SqlTransactionControl extends SqlCall {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("TRANSACTION", SqlKind.OTHER);

  /** Which statement. */
  public enum Kind { BEGIN, COMMIT, ROLLBACK, ROLLBACK_TO_SAVEPOINT, SAVEPOINT, RELEASE_SAVEPOINT, SET_ISOLATION, SET_READ_ONLY }

  public final Kind kind;
  public final @Nullable SqlIdentifier savepoint;
  /** Isolation level name for SET_ISOLATION; "ONLY" or "WRITE" for SET_READ_ONLY. */
  public final @Nullable String argument;

  /** Creates a transaction-control statement. */
  public SqlTransactionControl(SqlParserPos pos, Kind kind, @Nullable SqlIdentifier savepoint, @Nullable String argument) {
    super(pos);
    this.kind = kind;
    this.savepoint = savepoint;
    this.argument = argument;
  }

  @Override public SqlOperator getOperator() {
    return OPERATOR;
  }

  @Override public List<SqlNode> getOperandList() {
    return savepoint == null ? Collections.emptyList() : List.of(savepoint);
  }
}
