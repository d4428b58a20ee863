package dev.ferrite.jdbc;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLInvalidAuthorizationSpecException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import java.util.Locale;

/**
 * The one place where engine failures become {@link SQLException}s, and where the driver's own
 * errors get their SQLSTATEs. The subclass follows the SQLSTATE class, as JDBC 4 specifies, so
 * callers (Spring's translator, pools deciding whether a connection is broken) can rely on it.
 */
final class SqlExceptions {
  /** Connection does not exist (used after close). */
  static final String CONNECTION_CLOSED = "08003";
  /** Function sequence error: a closed statement or result set, no current row. */
  static final String SEQUENCE_ERROR = "HY010";
  /** Invalid descriptor index: a column or parameter number out of range. */
  static final String BAD_INDEX = "07009";
  /** Restricted data type attribute violation: a conversion the driver cannot make. */
  static final String BAD_CONVERSION = "07006";
  /** executeQuery on a statement that returns no rows. */
  static final String NOT_A_QUERY = "07005";
  /** executeUpdate on a statement that returns rows. */
  static final String IS_A_QUERY = "07003";
  /** Invalid schema name. */
  static final String INVALID_SCHEMA = "3F000";
  /** Invalid attribute value (a bad argument to a JDBC method). */
  static final String INVALID_ARGUMENT = "HY024";

  private SqlExceptions() {
  }

  /** Maps an engine failure (no timeout involved). */
  static SQLException from(RuntimeException e) {
    return from(e, false);
  }

  /**
   * Maps an engine failure. {@code timedOut} says the statement had a query timeout and nobody
   * called cancel, so a cancellation (57014) can only have come from the timeout.
   */
  static SQLException from(RuntimeException e, boolean timedOut) {
    if (!(e instanceof EngineException)) {
      // A bug or an unfinished part of the engine: keep the cause, give it the internal state.
      return new SQLException("internal error: " + e, SqlStates.INTERNAL_ERROR, e);
    }
    EngineException ee = (EngineException) e;
    String state = ee.sqlState() == null ? SqlStates.INTERNAL_ERROR : ee.sqlState();
    String message = ee.getMessage() == null ? state : ee.getMessage();
    if (ee.line() > 0) {
      // Some engine messages (the parser's) already name the position; say it once.
      String position = "line " + ee.line() + ", column " + ee.column();
      if (!message.contains(position)) {
        message = message + " at " + position;
      }
    }
    if (state.equals(SqlStates.QUERY_CANCELED)) {
      if (timedOut || mentionsTimeout(message)) {
        return new SQLTimeoutException(
            mentionsTimeout(message) ? message : "query timeout expired: " + message, state, ee);
      }
      return new SQLException(message, state, ee);
    }
    return byClass(message, state, ee);
  }

  private static boolean mentionsTimeout(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    return m.contains("timeout") || m.contains("timed out");
  }

  /** An exception of the subclass JDBC 4 assigns to the SQLSTATE's class. */
  static SQLException byClass(String message, String state, Throwable cause) {
    String cls = state.length() >= 2 ? state.substring(0, 2) : state;
    switch (cls) {
      case "42":
        return new SQLSyntaxErrorException(message, state, cause);
      case "23":
        return new SQLIntegrityConstraintViolationException(message, state, cause);
      case "40":
        return new SQLTransactionRollbackException(message, state, cause);
      case "22":
        return new SQLDataException(message, state, cause);
      case "08":
        return new SQLNonTransientConnectionException(message, state, cause);
      case "0A":
        return new SQLFeatureNotSupportedException(message, state, cause);
      case "28":
        return new SQLInvalidAuthorizationSpecException(message, state, cause);
      case "XX":
        // Corruption or an internal error: retrying the same thing will not help.
        return new SQLNonTransientException(message, state, cause);
      default:
        return new SQLException(message, state, cause);
    }
  }

  static SQLException connectionClosed() {
    return new SQLNonTransientConnectionException("connection is closed", CONNECTION_CLOSED);
  }

  static SQLException statementClosed() {
    return new SQLException("statement is closed", SEQUENCE_ERROR);
  }

  static SQLException resultSetClosed() {
    return new SQLException("result set is closed", SEQUENCE_ERROR);
  }

  static SQLFeatureNotSupportedException unsupported(String what) {
    return new SQLFeatureNotSupportedException(what + " is not supported", SqlStates.FEATURE_NOT_SUPPORTED);
  }

  static SQLDataException outOfRange(Object value, String target) {
    return new SQLDataException("value " + value + " is out of range for " + target,
        SqlStates.NUMERIC_OUT_OF_RANGE);
  }

  static SQLDataException badCharacterValue(String value, String target) {
    return new SQLDataException("cannot convert '" + value + "' to " + target, SqlStates.INVALID_CAST);
  }

  static SQLException cannotConvert(Object value, String target) {
    return new SQLException("cannot convert a value of type " + value.getClass().getSimpleName()
        + " to " + target, BAD_CONVERSION);
  }

  static SQLException badIndex(String what, int index, int count) {
    return new SQLException(what + " index " + index + " is out of range (1.." + count + ")", BAD_INDEX);
  }

  static SQLException invalidArgument(String message) {
    return new SQLException(message, INVALID_ARGUMENT);
  }
}
