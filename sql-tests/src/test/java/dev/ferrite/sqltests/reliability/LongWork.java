package dev.ferrite.sqltests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * A database file with work that runs long enough to be stopped: {@code n} holds 0..1999, so a
 * three-way cross join is 8e9 rows (no test waits for it), and {@code INSERT INTO big} from a
 * two-way one writes many rows. A statement that writes reads all its input first, so
 * {@link #wideInsert} reads 200,000 rows that share one 2,000-character value (fast) and then
 * writes 400 MB (seconds): a stop after {@link #WRITING_BY_MILLIS} lands in the writing.
 */
final class LongWork {
  /** Runs far longer than any test: only a cancel, timeout or interrupt ends it. */
  static final String ENDLESS_QUERY = "SELECT COUNT(*) FROM n a, n b, n c WHERE a.x + b.x + c.x >= 0";
  static final int NUMBERS = 2000;
  /** Rows of one {@link #insertBatch}. */
  static final int BATCH_ROWS = 20_000;
  /** Rows of {@link #wideInsert}. */
  static final int WIDE_ROWS = 200_000;
  /** By then {@link #wideInsert} has read its input and is writing (checked by {@link #inputMillis}). */
  static final long WRITING_BY_MILLIS = 1000;

  private LongWork() {
  }

  /** Creates {@code n} and the empty table {@code big(id, pad)} in a new database file. */
  static void create(Path db) throws SQLException {
    try (Connection c = Sql.open(db)) {
      Sql.createNumbers(c, NUMBERS);
      Sql.exec(c, "CREATE TABLE big(id BIGINT PRIMARY KEY, pad VARCHAR(2000) NOT NULL)");
    }
  }

  /** An INSERT of {@link #BATCH_ROWS} rows into {@code big}, with ids of their own ({@link #batchRows}). */
  static String insertBatch(int batch) {
    return "INSERT INTO big SELECT a.x * " + NUMBERS + " + b.x + " + batchStart(batch)
        + ", 'padding to make the rows wider than their keys' FROM n a, n b WHERE a.x < "
        + BATCH_ROWS / NUMBERS;
  }

  /** 200,000 rows of 2,000 characters into {@code big}, ids from 0 (batch 0). */
  static String wideInsert() {
    return "INSERT INTO big " + wideSource(WIDE_ROWS / NUMBERS);
  }

  /** The rows of {@link #wideInsert} with {@code a.x < aRows}. */
  private static String wideSource(int aRows) {
    return "SELECT a.x * " + NUMBERS + " + b.x AS id, '" + "w".repeat(2000) + "' AS pad FROM n a, n b"
        + " WHERE a.x < " + aRows;
  }

  /**
   * Plans {@link #wideInsert} (the plan cache then has it: only the literals differ) and returns
   * how long reading its input takes: it must be well under {@link #WRITING_BY_MILLIS} for a
   * stop at that time to land in the writing.
   */
  static long inputMillis(Connection c) throws SQLException {
    Sql.exec(c, "INSERT INTO big " + wideSource(0));
    Sql.queryLong(c, "SELECT COUNT(*) FROM (" + wideSource(0) + ") q");
    long start = System.nanoTime();
    assertEquals(WIDE_ROWS, Sql.queryLong(c, "SELECT COUNT(*) FROM (" + wideSource(WIDE_ROWS / NUMBERS) + ") q"));
    return (System.nanoTime() - start) / 1_000_000;
  }

  /** Rows of {@code batch} in {@code big}. */
  static long batchRows(Connection c, int batch) throws SQLException {
    return Sql.queryLong(c, "SELECT COUNT(*) FROM big WHERE id >= " + batchStart(batch)
        + " AND id < " + batchStart(batch + 1));
  }

  private static long batchStart(int batch) {
    return (long) batch * NUMBERS * NUMBERS;
  }

  /** Runs {@link #ENDLESS_QUERY} until it fails. */
  static void runEndlessQuery(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery(ENDLESS_QUERY)) {
      rs.next();
    }
  }

  /**
   * After the stopped work: a new connection reads and writes (no write lock left held), then,
   * with every connection closed, the file passes the integrity check.
   */
  static void assertUsableAndHealthy(Path db) throws SQLException {
    try (Connection c = Sql.open(db, "busy_timeout=2000")) {
      assertEquals(NUMBERS, Sql.queryLong(c, "SELECT COUNT(*) FROM n WHERE x < " + NUMBERS));
      Sql.exec(c, "INSERT INTO n VALUES (-1)", "DELETE FROM n WHERE x = -1");
    }
    StoreCheck.verifyHealthy(db);
  }
}
