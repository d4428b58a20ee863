package dev.ferrite.engine.table;

/**
 * What an INSERT does with a row that violates a PRIMARY KEY, UNIQUE or NOT NULL constraint
 * (SQLite's conflict resolution, the subset Ferrite has).
 */
public enum OnConflict {
  /** Fail the statement (23505, 23502), undoing it: the standard behaviour, and the default. */
  ABORT,
  /**
   * INSERT OR REPLACE / REPLACE INTO: delete the rows the new one conflicts with on the primary
   * key or a UNIQUE index, then insert it; a NULL for a NOT NULL column takes the column's
   * default, and without one the statement fails as under ABORT.
   */
  REPLACE,
  /** INSERT OR IGNORE: skip the row and carry on with the next one. */
  IGNORE
}
