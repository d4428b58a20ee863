package dev.ferrite.tools.csv;

/**
 * A record that could not be imported, with where it is: {@code line 17, column 3 (PRICE):
 * cannot convert 'abc' to DECIMAL(10,2)}.
 */
public final class ImportException extends Exception {
  private static final long serialVersionUID = 1L;

  private final long line;
  private final long committedRows;

  ImportException(long line, String where, String message, long committedRows, Throwable cause) {
    super("line " + line + (where.isEmpty() ? "" : ", " + where) + ": " + message, cause);
    this.line = line;
    this.committedRows = committedRows;
  }

  /** The CSV line where the failing record starts. */
  public long line() {
    return line;
  }

  /** Rows committed before the failure (by {@code --batch}); the rest were rolled back. */
  public long committedRows() {
    return committedRows;
  }
}
