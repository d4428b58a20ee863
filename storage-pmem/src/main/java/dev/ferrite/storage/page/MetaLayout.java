package dev.ferrite.storage.page;

/**
 * Pages 1 and 2: the two meta pages (LMDB's double-buffered superblock). Each meta write goes to
 * the slot that does not hold the newest durable meta, so the durable one stays intact while the
 * next is written; an open picks the valid meta with the larger transaction id.
 *
 * <pre>
 *  0..23  common page header (type META, page number 1 or 2, txn id = the commit's id)
 *  24     long  directory root    root page of the tree of named trees (0 = empty)
 *  32     long  free-list root    root page of the free-list tree (0 = empty)
 *  40     long  page count        pages in use or free; pages at or above it were never used
 *  48     long  commit time       wall-clock millis of the commit (informational)
 *  56     long  first txn id      oldest commit whose pages this meta lists (see below)
 *  64     int   listed pages      number of page numbers in the commit list
 *  68     int   list bytes        length of the commit list at COMMIT_LIST
 *  72     byte  commit mode       how the commit was made durable (CommitProtocol ordinal)
 *  80..   commit list             delta-varint page numbers
 * </pre>
 *
 * <p>The commit list is used by the single-sync PAGE protocol, where data pages and the meta page
 * reach the disk under one {@code fdatasync}. One meta may make a whole group of commits durable
 * (group commit); it lists the pages those commits wrote that are still live in its state. An
 * open accepts the meta only if every listed page has a valid checksum, its own page number, and
 * a transaction id in {@code [first txn id, txn id]}; otherwise a write did not land and the
 * other meta page, which was durable, is the state. When the list does not fit, the data pages
 * are synced before the meta is written (two syncs) and the list is empty.
 */
public final class MetaLayout {
  public static final int DIRECTORY_ROOT = 24;
  public static final int FREE_LIST_ROOT = 32;
  public static final int PAGE_COUNT = 40;
  public static final int COMMIT_MILLIS = 48;
  public static final int FIRST_TXN_ID = 56;
  public static final int LISTED_PAGES = 64;
  public static final int LIST_BYTES = 68;
  public static final int COMMIT_MODE = 72;
  public static final int COMMIT_LIST = 80;

  public static final long META_PAGE_0 = 1;
  public static final long META_PAGE_1 = 2;

  private MetaLayout() {}

  /** The other meta page. */
  public static long otherMetaPage(long metaPage) {
    return metaPage == META_PAGE_0 ? META_PAGE_1 : META_PAGE_0;
  }

  /** Whether a commit list of {@code bytes} fits in a meta page. */
  public static boolean listFits(int bytes, int pageSize) {
    return bytes <= pageSize - COMMIT_LIST;
  }
}
