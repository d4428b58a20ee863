package dev.ferrite.engine;

/**
 * Every failure the engine reports: a message, a five-character SQLSTATE, and for errors in SQL
 * text the 1-based line and column where the problem starts (0 when there is no position).
 */
public final class EngineException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String sqlState;
  private final int line;
  private final int column;

  /** Creates an exception with no SQL position. */
  public EngineException(String sqlState, String message) {
    this(sqlState, message, 0, 0, null);
  }

  /** Creates an exception with no SQL position and a cause. */
  public EngineException(String sqlState, String message, Throwable cause) {
    this(sqlState, message, 0, 0, cause);
  }

  /** Creates an exception pointing at a position in the SQL text. */
  public EngineException(String sqlState, String message, int line, int column, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
    this.line = line;
    this.column = column;
  }

  /** The SQLSTATE, for example {@code 23505} for a unique-constraint violation. */
  public String sqlState() {
    return sqlState;
  }

  /** 1-based line of the error in the SQL text, or 0. */
  public int line() {
    return line;
  }

  /** 1-based column of the error in the SQL text, or 0. */
  public int column() {
    return column;
  }
}
