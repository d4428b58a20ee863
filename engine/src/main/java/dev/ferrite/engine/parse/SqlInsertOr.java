package dev.ferrite.engine.parse;

import org.apache.calcite.sql.SqlInsert;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * SQLite's INSERT with a conflict clause: {@code INSERT OR REPLACE INTO}, its alias
 * {@code REPLACE INTO}, and {@code INSERT OR IGNORE INTO}. It validates and converts exactly as
 * the INSERT it extends; only the handling of rows that violate a PRIMARY KEY or UNIQUE
 * constraint (or a NOT NULL one) differs, and that is the executor's business.
 */
public final class SqlInsertOr extends SqlInsert {
  /** What happens to a row that conflicts with existing rows. */
  public enum Conflict {
    /** The conflicting rows are deleted and the new row is inserted. */
    REPLACE,
    /** The new row is skipped; the statement carries on with the next one. */
    IGNORE
  }

  public final Conflict conflict;

  /** Creates the node. */
  public SqlInsertOr(SqlParserPos pos, Conflict conflict, SqlNode targetTable, SqlNode source,
      @Nullable SqlNodeList columnList) {
    super(pos, SqlNodeList.EMPTY, targetTable, source, columnList);
    this.conflict = conflict;
  }
}
