package dev.ferrite.sqltests.files;

/**
 * What happened when a damaged file was opened and queried through the driver.
 *
 * @param kind how it ended
 * @param detail the SQLSTATE and message of the error, or what was wrong
 */
record Outcome(Kind kind, String detail) {
  /** How opening and querying a damaged file ended. */
  enum Kind {
    /** The connection was refused with 08001 or XX001. */
    REFUSED,
    /** A query (or the write) failed with XX001: damage found when it was read. */
    FAILED_LATER,
    /** Every query returned exactly the rows of the intact file. */
    CORRECT,
    /** A violation: rows differ, another SQLSTATE, a non-SQL exception, or a hang. */
    BAD
  }

  boolean clean() {
    return kind != Kind.BAD;
  }
}
