package dev.ferrite.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Checks of the JDBC method arguments that connections, statements, result sets and metadata
 * take alike, so a mistake gets the same message and SQLSTATE whichever object it is made on.
 */
final class Arguments {
  private Arguments() {
  }

  /**
   * The 0-based position of the 1-based {@code index} of a column or parameter ({@code what})
   * among {@code count}; SQLSTATE 07009 when it is out of range.
   */
  static int checkIndex(String what, int index, int count) throws SQLException {
    if (index < 1 || index > count) {
      throw SqlExceptions.badIndex(what, index, count);
    }
    return index - 1;
  }

  /** Rejects a negative size, limit or timeout ({@code what}) with SQLSTATE HY024. */
  static void checkNonNegative(long value, String what) throws SQLException {
    if (value < 0) {
      throw SqlExceptions.invalidArgument(what + " must be >= 0");
    }
  }

  /**
   * Checks a {@code setFetchDirection} argument: one of the three directions, and only
   * FETCH_FORWARD when {@code owner} (named in the message) is TYPE_FORWARD_ONLY.
   */
  static void checkFetchDirection(int direction, int resultSetType, String owner) throws SQLException {
    if (direction != ResultSet.FETCH_FORWARD && direction != ResultSet.FETCH_REVERSE
        && direction != ResultSet.FETCH_UNKNOWN) {
      throw SqlExceptions.invalidArgument("unknown fetch direction " + direction);
    }
    if (direction != ResultSet.FETCH_FORWARD && resultSetType == ResultSet.TYPE_FORWARD_ONLY) {
      throw new SQLException("a TYPE_FORWARD_ONLY " + owner + " only fetches forward",
          SqlExceptions.SEQUENCE_ERROR);
    }
  }
}
