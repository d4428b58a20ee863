package dev.ferrite.engine;

/** The SQLSTATE codes the engine raises, in one place so the JDBC layer and tests agree. */
public final class SqlStates {
  /** Syntax error or access rule violation. */
  public static final String SYNTAX_ERROR = "42000";
  /** Table or view not found. */
  public static final String UNDEFINED_TABLE = "42S02";
  /** Table or view already exists. */
  public static final String DUPLICATE_TABLE = "42S01";
  /** Column not found. */
  public static final String UNDEFINED_COLUMN = "42S22";
  /** Index not found. */
  public static final String UNDEFINED_INDEX = "42S12";
  /** Index already exists. */
  public static final String DUPLICATE_INDEX = "42S11";
  /** Object (a trigger) already exists. */
  public static final String DUPLICATE_OBJECT = "42710";
  /** Object (a trigger) not found. */
  public static final String UNDEFINED_OBJECT = "42704";
  /** Object still in use by a dependent object (DROP without CASCADE). */
  public static final String DEPENDENT_OBJECTS = "2BP01";
  /** Unique or primary-key constraint violated. */
  public static final String UNIQUE_VIOLATION = "23505";
  /** NOT NULL constraint violated. */
  public static final String NOT_NULL_VIOLATION = "23502";
  /** Write conflict or busy writer lock: retry the transaction. */
  public static final String SERIALIZATION_FAILURE = "40001";
  /** Invalid transaction state (for example COMMIT with no transaction in a strict mode). */
  public static final String INVALID_TRANSACTION_STATE = "25000";
  /** Write attempted in a read-only transaction or on a read-only database. */
  public static final String READ_ONLY_TRANSACTION = "25006";
  /** Savepoint does not exist. */
  public static final String INVALID_SAVEPOINT = "3B001";
  /** Division by zero. */
  public static final String DIVISION_BY_ZERO = "22012";
  /** Numeric value out of range. */
  public static final String NUMERIC_OUT_OF_RANGE = "22003";
  /** String data right truncation (value too long for its column). */
  public static final String STRING_TRUNCATION = "22001";
  /** Invalid character value for cast. */
  public static final String INVALID_CAST = "22018";
  /** Other data exception. */
  public static final String DATA_EXCEPTION = "22000";
  /** Wrong number or type of parameters. */
  public static final String INVALID_PARAMETER = "07001";
  /** Feature not supported. */
  public static final String FEATURE_NOT_SUPPORTED = "0A000";
  /** Query cancelled by the user or by a timeout. */
  public static final String QUERY_CANCELED = "57014";
  /** I/O error in the storage layer. */
  public static final String IO_ERROR = "58030";
  /** The database file is corrupt. */
  public static final String DATA_CORRUPTED = "XX001";
  /** Program limit exceeded (for example an index key longer than a page allows). */
  public static final String LIMIT_EXCEEDED = "54000";
  /** The statement needed more memory than the JVM has. */
  public static final String OUT_OF_MEMORY = "53200";
  /** Internal error (a bug): the message says what. */
  public static final String INTERNAL_ERROR = "XX000";
  /** The connection or database is closed, or cannot be opened. */
  public static final String CONNECTION_FAILURE = "08006";
  /** The database could not be opened (missing, locked, foreign file). */
  public static final String CANNOT_CONNECT = "08001";
  /** Invalid connection option. */
  public static final String INVALID_OPTION = "HY024";

  private SqlStates() {
  }
}
