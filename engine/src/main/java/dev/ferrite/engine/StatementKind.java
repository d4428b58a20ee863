package dev.ferrite.engine;

/** What a statement does, decided when it is prepared. */
public enum StatementKind {
  /** Returns rows (SELECT, VALUES, EXPLAIN). */
  QUERY,
  /** INSERT, UPDATE, DELETE: returns an update count. */
  DML,
  /** CREATE, DROP, ALTER: returns 0. */
  DDL,
  /** BEGIN, COMMIT, ROLLBACK, SAVEPOINT, SET TRANSACTION: returns 0. */
  TRANSACTION_CONTROL
}
