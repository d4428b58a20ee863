package dev.ferrite.storage;

/**
 * A page or meta record of the database file is damaged. Never retried, never papered over: the
 * data it would have returned cannot be trusted. {@link #pageNumber()} names the page (or -1 when
 * the damage is not tied to one page, such as a truncated file).
 */
public final class StorageCorruptionException extends StorageException {
  private static final long serialVersionUID = 1L;

  private final long pageNumber;

  /** Creates an exception naming the damaged page. */
  public StorageCorruptionException(long pageNumber, String message) {
    super(StorageErrorCode.CORRUPT,
        pageNumber >= 0 ? "database corrupt at page " + pageNumber + ": " + message
            : "database corrupt: " + message);
    this.pageNumber = pageNumber;
  }

  /** Returns the damaged page number, or -1. */
  public long pageNumber() {
    return pageNumber;
  }
}
