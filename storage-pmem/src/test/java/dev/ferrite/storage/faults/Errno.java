package dev.ferrite.storage.faults;

import java.io.IOException;

/** The device errors the fault campaign injects, with the messages the JDK reports for them. */
enum Errno {
  /** A failed device: media error, lost disk, failed write-back. */
  EIO("Input/output error"),
  /** A full file system (or quota). */
  ENOSPC("No space left on device");

  private final String message;

  Errno(String message) {
    this.message = message;
  }

  /** The text an {@link IOException} from the JDK carries for this error. */
  String message() {
    return message;
  }

  /** A new exception as the JDK throws it for this error. */
  IOException exception() {
    return new IOException(message);
  }
}
