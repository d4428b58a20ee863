package dev.ferrite.storage;

/** How a commit on a PAGE-granularity region is made durable. */
public enum CommitProtocol {
  /**
   * One {@code fdatasync} per commit: pages and meta are written together; the meta lists the
   * pages it depends on, and an open rejects a meta whose pages did not all reach the disk.
   * The default.
   */
  SINGLE_SYNC,
  /** LMDB's protocol: sync the pages, then write and sync the meta. Two syncs per commit. */
  DOUBLE_SYNC
}
