package dev.ferrite.engine;

/**
 * Isolation levels a session offers. Writers are serialised (one write transaction at a time,
 * and a transaction may only start writing while its snapshot is still the newest), so
 * snapshot reads are serializable; READ COMMITTED takes a fresh snapshot for each statement
 * until the transaction first writes.
 */
public enum IsolationLevel {
  /** A fresh snapshot per statement (until the first write). */
  READ_COMMITTED,
  /** One snapshot for the whole transaction, taken at its first statement; serializable. */
  SERIALIZABLE
}
