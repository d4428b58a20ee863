package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLNonTransientException;
import java.sql.SQLSyntaxErrorException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransactionRollbackException;
import org.junit.jupiter.api.Test;

/** The one mapping from engine failures to SQLException subclasses. */
class SqlExceptionsTest {

  private static SQLException map(String state) {
    return SqlExceptions.from(new EngineException(state, "boom"));
  }

  @Test
  void subclassFollowsTheSqlStateClass() {
    assertInstanceOf(SQLSyntaxErrorException.class, map(SqlStates.SYNTAX_ERROR));
    assertInstanceOf(SQLSyntaxErrorException.class, map(SqlStates.UNDEFINED_TABLE));
    assertInstanceOf(SQLIntegrityConstraintViolationException.class, map(SqlStates.UNIQUE_VIOLATION));
    assertInstanceOf(SQLIntegrityConstraintViolationException.class, map(SqlStates.NOT_NULL_VIOLATION));
    assertInstanceOf(SQLTransactionRollbackException.class, map(SqlStates.SERIALIZATION_FAILURE));
    assertInstanceOf(SQLDataException.class, map(SqlStates.DIVISION_BY_ZERO));
    assertInstanceOf(SQLDataException.class, map(SqlStates.STRING_TRUNCATION));
    assertInstanceOf(SQLNonTransientConnectionException.class, map(SqlStates.CANNOT_CONNECT));
    assertInstanceOf(SQLFeatureNotSupportedException.class, map(SqlStates.FEATURE_NOT_SUPPORTED));
    assertInstanceOf(SQLNonTransientException.class, map(SqlStates.DATA_CORRUPTED));
    SQLException readOnly = map(SqlStates.READ_ONLY_TRANSACTION);
    assertEquals(SQLException.class, readOnly.getClass());
    assertEquals("25006", readOnly.getSQLState());
    assertEquals(SQLException.class, map(SqlStates.INVALID_SAVEPOINT).getClass());
  }

  @Test
  void keepsStateMessageAndCause() {
    EngineException e = new EngineException("23505", "duplicate key in T_PK");
    SQLException s = SqlExceptions.from(e);
    assertEquals("23505", s.getSQLState());
    assertEquals("duplicate key in T_PK", s.getMessage());
    assertSame(e, s.getCause());
  }

  @Test
  void appendsThePositionInTheSqlText() {
    SQLException s = SqlExceptions.from(new EngineException("42000", "Encountered \"FORM\"", 2, 14, null));
    assertEquals("Encountered \"FORM\" at line 2, column 14", s.getMessage());
    assertFalse(SqlExceptions.from(new EngineException("42000", "x")).getMessage().contains("line"));
    // A message that already names the position is not repeated.
    assertEquals("Unknown identifier 'CLOB' (line 1, column 20)", SqlExceptions.from(
        new EngineException("42000", "Unknown identifier 'CLOB' (line 1, column 20)", 1, 20, null)).getMessage());
  }

  @Test
  void cancellationIsATimeoutOnlyWhenTheTimeoutFired() {
    EngineException cancelled = new EngineException("57014", "statement cancelled");
    SQLException byUser = SqlExceptions.from(cancelled, false);
    assertFalse(byUser instanceof SQLTimeoutException);
    assertEquals("57014", byUser.getSQLState());
    SQLException byTimer = SqlExceptions.from(cancelled, true);
    assertInstanceOf(SQLTimeoutException.class, byTimer);
    assertEquals("57014", byTimer.getSQLState());
    assertTrue(byTimer.getMessage().contains("timeout"), byTimer.getMessage());
    // The engine may say so itself.
    assertInstanceOf(SQLTimeoutException.class,
        SqlExceptions.from(new EngineException("57014", "query timeout after 1000 ms"), false));
  }

  @Test
  void nonEngineFailuresAreInternalErrors() {
    IllegalStateException bug = new IllegalStateException("oops");
    SQLException s = SqlExceptions.from(bug);
    assertEquals("XX000", s.getSQLState());
    assertSame(bug, s.getCause());
  }
}
