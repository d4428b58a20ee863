package dev.ferrite.storage;

/** Why a storage operation failed; the engine maps each code to an SQLSTATE. */
public enum StorageErrorCode {
  /** Another write transaction held the writer lock for longer than the busy timeout. */
  BUSY,
  /** The file is not a Ferrite database, or is of a format this version cannot read. */
  NOT_A_DATABASE,
  /** A page or meta record failed its checksum or structural checks. */
  CORRUPT,
  /** Another process, or another open store in this JVM, holds the database. */
  LOCKED,
  /** An I/O operation failed (EIO, ENOSPC, ...). */
  IO_ERROR,
  /** A durability operation failed earlier; the store refuses writes until it is reopened. */
  PANIC,
  /** The store or transaction has been closed. */
  CLOSED,
  /** The caller used the API wrongly (key too long, write in a read-only transaction, ...). */
  MISUSE,
  /** The waiting thread was interrupted. */
  INTERRUPTED
}
