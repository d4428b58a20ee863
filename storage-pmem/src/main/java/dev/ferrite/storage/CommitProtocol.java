package dev.ferrite.storage;

/**
 * How a commit on a PAGE-granularity region is made durable. The ordinal is stored in each meta
 * record (format 1 files hold 0 and 1), so new protocols go at the end.
 */
public enum CommitProtocol {
  /**
   * One {@code fdatasync} per commit: pages and meta are written together; the meta lists the
   * pages it depends on, and an open rejects a meta whose pages did not all reach the disk.
   */
  SINGLE_SYNC,
  /** LMDB's protocol: sync the pages, then write and sync the meta. Two syncs per commit. */
  DOUBLE_SYNC,
  /**
   * One range-durable write per commit (SQLite's WAL idea on a copy-on-write tree): the pages go
   * to their places without a sync, and one record holding their images and the new state goes
   * to the commit log ring with an {@code O_DSYNC} write. A checkpoint (sync, meta, sync) empties
   * the log when it is full, for commits too large for it, when the file grew, and at close. The
   * default; files without a log (format 1) commit with {@link #SINGLE_SYNC}.
   */
  LOGGED
}
