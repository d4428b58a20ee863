package dev.ferrite.storage.page;

/**
 * Pages 1 and 2: the two alternating meta pages (LMDB's double-buffered superblock). Transaction
 * {@code N} writes meta page {@code 1 + (N & 1)}; an open picks the valid one with the larger
 * transaction id, so the previous commit's meta stays intact while the next one is written.
 *
 * <pre>
 *  0..23  common page header (type META, page number 1 or 2, txn id = the commit's id)
 *  24     long  directory root    root page of the tree of named trees (0 = empty)
 *  32     long  free-list root    root page of the free-list tree (0 = empty)
 *  40     long  page count        pages in use or free; pages at or above it were never used
 *  48     long  commit time       wall-clock millis of the commit (informational)
 *  56     long  commit-list head  first page of the commit list chain, 0 if inline or absent
 *  64     int   commit-list pages number of page numbers listed for this commit
 *  68     int   inline bytes      length of the inline commit list at INLINE_LIST
 *  72     byte  commit mode       how the commit was made durable (see CommitMode codes)
 *  80..   inline commit list      delta-varint page numbers when they fit
 * </pre>
 *
 * <p>The commit list names every page the commit wrote. It is present only for the single-sync
 * PAGE protocol, where data pages and the meta page reach the disk under one {@code fdatasync}:
 * an open verifies each listed page (checksum, page number, txn id = this commit) and falls back
 * to the other meta page if any is missing or torn. That commit was never acknowledged.
 */
public final class MetaLayout {
  public static final int DIRECTORY_ROOT = 24;
  public static final int FREE_LIST_ROOT = 32;
  public static final int PAGE_COUNT = 40;
  public static final int COMMIT_MILLIS = 48;
  public static final int COMMIT_LIST_HEAD = 56;
  public static final int COMMIT_LIST_PAGES = 64;
  public static final int INLINE_LIST_BYTES = 68;
  public static final int COMMIT_MODE = 72;
  public static final int INLINE_LIST = 80;

  public static final long META_PAGE_0 = 1;
  public static final long META_PAGE_1 = 2;

  private MetaLayout() {}

  /** Returns the meta page a transaction writes. */
  public static long metaPageFor(long txnId) {
    return META_PAGE_0 + (txnId & 1);
  }
}
