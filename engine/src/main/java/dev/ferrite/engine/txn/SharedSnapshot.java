package dev.ferrite.engine.txn;

import dev.ferrite.storage.ReadTransaction;

/**
 * A storage snapshot shared by a transaction and the cursors reading from it; the storage
 * reader is closed when the last user releases it. Only the owning session's thread touches it.
 */
public final class SharedSnapshot {
  private final ReadTransaction read;
  private int users = 1;

  SharedSnapshot(ReadTransaction read) {
    this.read = read;
  }

  public ReadTransaction read() {
    return read;
  }

  /** Adds a user (a cursor). */
  public SharedSnapshot acquire() {
    users++;
    return this;
  }

  /** Drops a user; closes the storage reader with the last one. */
  public void release() {
    if (--users == 0) {
      read.close();
    }
  }
}
