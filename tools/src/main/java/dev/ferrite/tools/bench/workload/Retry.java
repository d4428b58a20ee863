package dev.ferrite.tools.bench.workload;

import java.sql.SQLException;

/**
 * Which errors mean "another transaction got in the way, run it again" rather than a failure:
 * SQLSTATE class 40 (serialization failure, deadlock: Ferrite's 40001 when a writer finds a commit
 * newer than its snapshot, HSQLDB's conflicts), H2's lock timeout (HYT00) and concurrent-update
 * error (90131), and SQLite's SQLITE_BUSY / SQLITE_LOCKED (which xerial reports without a
 * SQLSTATE).
 */
final class Retry {
  private static final int H2_CONCURRENT_UPDATE = 90131;

  private Retry() {
  }

  static boolean retryable(SQLException e) {
    String state = e.getSQLState();
    if (state != null && (state.startsWith("40") || state.equals("HYT00"))) {
      return true;
    }
    if (e.getErrorCode() == H2_CONCURRENT_UPDATE) {
      return true;
    }
    String message = String.valueOf(e.getMessage());
    return message.contains("SQLITE_BUSY") || message.contains("SQLITE_LOCKED");
  }
}
