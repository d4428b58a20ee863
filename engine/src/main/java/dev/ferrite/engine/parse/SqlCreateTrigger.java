package dev.ferrite.engine.parse;

import java.util.ArrayList;
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

/**
 * CREATE TRIGGER [IF NOT EXISTS] name [BEFORE | AFTER] {INSERT | UPDATE [OF column, ...] | DELETE}
 * ON table [FOR EACH ROW] [WHEN condition] BEGIN statement; ... END (SQLite's form). Besides the
 * parse trees, the node keeps the source span of the condition and of each body statement: the
 * trigger is stored as text, and {@code NEW.column}/{@code OLD.column} are cut out of that text.
 */
public final class SqlCreateTrigger extends SqlCreate {
  private static final SqlOperator OPERATOR = new SqlSpecialOperator("CREATE TRIGGER", SqlKind.OTHER_DDL);

  /** When the trigger runs relative to the row change. SQLite's default is BEFORE. */
  public enum Timing { BEFORE, AFTER }

  /** The row change that fires the trigger. */
  public enum Event { INSERT, UPDATE, DELETE }

  public final SqlIdentifier name;
  public final Timing timing;
  public final Event event;
  /** UPDATE OF columns; empty: any UPDATE. */
  public final SqlNodeList columns;
  public final SqlIdentifier table;
  public final @Nullable SqlNode when;
  /** The span of {@link #when} from its first to its last token (null without WHEN). */
  public final @Nullable SqlParserPos whenSpan;
  /** The body statements, in order. */
  public final List<SqlNode> statements;
  /** For each body statement, its span from its first token to the one before its ';'. */
  public final List<SqlParserPos> statementSpans;

  /** Creates a CREATE TRIGGER node. */
  public SqlCreateTrigger(SqlParserPos pos, boolean replace, boolean ifNotExists, SqlIdentifier name, Timing timing,
      Event event, SqlNodeList columns, SqlIdentifier table, @Nullable SqlNode when, @Nullable SqlParserPos whenSpan,
      List<SqlNode> statements, List<SqlParserPos> statementSpans) {
    super(OPERATOR, pos, replace, ifNotExists);
    this.name = name;
    this.timing = timing;
    this.event = event;
    this.columns = columns;
    this.table = table;
    this.when = when;
    this.whenSpan = whenSpan;
    this.statements = List.copyOf(statements);
    this.statementSpans = List.copyOf(statementSpans);
  }

  @Override public List<SqlNode> getOperandList() {
    List<SqlNode> operands = new ArrayList<>();
    operands.add(name);
    operands.add(table);
    operands.add(columns);
    if (when != null) {
      operands.add(when);
    }
    operands.addAll(statements);
    return operands;
  }
}
