package dev.ferrite.sqltests;

/** What happened to one record of a test file. */
enum Outcome {
  PASSED,
  /** The engine rejected the SQL (syntax error or unsupported feature: SQLSTATE 42xxx or 0Axxx). */
  REJECTED,
  /** The SQL was accepted but failed while running (or a statement that should fail succeeded). */
  RUNTIME_ERROR,
  /** Wrong number of values or wrong values. */
  WRONG_ROWS,
  /** The MD5 of a hashed result differs. */
  WRONG_HASH,
  /** A query ran longer than the timeout. */
  TIMEOUT
}
