package dev.ferrite.engine.plan;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import org.apache.calcite.runtime.CalciteContextException;
import org.apache.calcite.sql.parser.SqlParseException;
import org.apache.calcite.sql.parser.SqlParserPos;

/** Turns Calcite's parse and validation errors into engine errors with SQLSTATE and position. */
public final class SqlErrors {
  private SqlErrors() {
  }

  /** A syntax error. */
  public static EngineException parse(SqlParseException e, String sql) {
    SqlParserPos pos = e.getPos();
    String msg = firstLine(e.getMessage());
    if (sql.indexOf(';') >= 0 && msg.contains("\";\"")) {
      msg = "only one statement may be run per call (found ';' followed by more text): " + msg;
    }
    return new EngineException(SqlStates.SYNTAX_ERROR, "syntax error: " + msg,
        pos == null ? 0 : pos.getLineNum(), pos == null ? 0 : pos.getColumnNum(), e);
  }

  /** A validation error (unknown table or column, type mismatch, ...). */
  public static EngineException validation(CalciteContextException e) {
    String msg = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage() : e.getMessage();
    String state = SqlStates.SYNTAX_ERROR;
    if (msg.startsWith("Object '") && msg.contains("not found")) {
      state = SqlStates.UNDEFINED_TABLE;
    } else if (msg.startsWith("Column '") && msg.contains("not found")) {
      state = SqlStates.UNDEFINED_COLUMN;
    } else if (msg.contains("does not allow NULLs")) {
      state = SqlStates.NOT_NULL_VIOLATION;
    }
    String where = e.getPosLine() > 0 ? " (line " + e.getPosLine() + ", column " + e.getPosColumn() + ")" : "";
    return new EngineException(state, msg + where, e.getPosLine(), e.getPosColumn(), e);
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String first = nl < 0 ? s : s.substring(0, nl);
    int was = s.indexOf("Was expecting");
    if (was > 0) {
      String expected = s.substring(was).replaceAll("\\s+", " ");
      if (expected.length() > 200) {
        expected = expected.substring(0, 200) + "...";
      }
      return first + " " + expected;
    }
    return first;
  }
}
