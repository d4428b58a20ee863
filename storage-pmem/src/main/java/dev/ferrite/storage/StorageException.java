package dev.ferrite.storage;

import static java.util.Objects.requireNonNull;

/** Unchecked failure of the storage layer, classified by a {@link StorageErrorCode}. */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final StorageErrorCode code;

  /** Creates an exception with a code and message. */
  public StorageException(StorageErrorCode code, String message) {
    this(code, message, null);
  }

  /** Creates an exception with a code, message and cause. */
  public StorageException(StorageErrorCode code, String message, Throwable cause) {
    super(message, cause);
    this.code = requireNonNull(code, "code");
  }

  /** Returns the error classification. */
  public StorageErrorCode code() {
    return code;
  }
}
