package dev.ferrite.engine.parse;

import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * CLOB or BLOB as written in SQL. To Calcite it is an unbounded VARCHAR or VARBINARY (the
 * planner has no large-object types); DDL keeps the declared name for the catalog and metadata.
 */
public final class SqlLobTypeNameSpec extends SqlBasicTypeNameSpec {
  /** "CLOB" or "BLOB". */
  public final String declaredName;

  /** Creates the spec of a CLOB ({@code character} true) or BLOB. */
  public SqlLobTypeNameSpec(boolean character, SqlParserPos pos) {
    super(character ? SqlTypeName.VARCHAR : SqlTypeName.VARBINARY, pos);
    this.declaredName = character ? "CLOB" : "BLOB";
  }
}
