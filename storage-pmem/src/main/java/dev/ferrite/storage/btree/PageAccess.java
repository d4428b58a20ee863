package dev.ferrite.storage.btree;

import java.nio.ByteBuffer;

/**
 * How the tree code reaches pages inside one transaction. A read transaction implements only the
 * read side; a write transaction implements copy-on-write on top of it.
 */
public interface PageAccess {
  /** Page size of the database. */
  int pageSize();

  /** Id of the transaction; pages it writes carry it. */
  long txnId();

  /** Pages at or above this number do not exist in this transaction's state. */
  long pageLimit();

  /**
   * Returns a view of page {@code pageNumber} as this transaction sees it (the transaction's own
   * dirty copy, or the committed page), checked for corruption on first use.
   */
  ByteBuffer read(long pageNumber);

  /** Returns whether page {@code pageNumber} is a dirty page of this transaction. */
  boolean isDirty(long pageNumber);

  /**
   * Makes page {@code pageNumber} writable: returns its number if it is already dirty, otherwise
   * the number of a dirty copy (the original is freed as of this transaction).
   */
  long touch(long pageNumber);

  /** Returns the writable buffer of dirty page {@code pageNumber}. */
  ByteBuffer writable(long pageNumber);

  /** Allocates a dirty page with a fresh common header of {@code type}; returns its number. */
  long allocate(byte type);

  /** Releases a page no longer referenced by this transaction's state. */
  void free(long pageNumber);

  /**
   * Hints that dirty page {@code pageNumber} is finished for this transaction (the full left page
   * of an append split): it may be written out early to keep the heap small. It stays readable
   * and, if touched again, writable.
   */
  default void finished(long pageNumber) {}
}
