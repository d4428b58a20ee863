package dev.ferrite.storage.page;

/**
 * The header every page after the file header starts with. All integers are big-endian.
 *
 * <pre>
 *  0      4      5      6      8              16             24
 *  +------+------+------+------+--------------+--------------+---- type-specific ----+
 *  | crc  | type | rsvd | count| page number  | txn id       |                        |
 *  +------+------+------+------+--------------+--------------+------------------------+
 * </pre>
 *
 * <ul>
 *   <li>{@code crc}: CRC32C of bytes {@code [4, pageSize)}, written at commit.
 *   <li>{@code page number}: the page's own number, so a page written to the wrong place (or
 *       two swapped pages) fails the check even though its checksum is right.
 *   <li>{@code txn id}: the transaction that wrote the page. A copy-on-write writer may modify a
 *       page in place only when this is its own id; after a crash, a page listed by the newest
 *       meta must carry an id of the commits that meta made durable, or it is a stale page that
 *       never reached the disk.
 * </ul>
 */
public final class PageLayout {
  public static final int CHECKSUM = 0;
  public static final int TYPE = 4;
  public static final int COUNT = 6;
  public static final int PAGE_NUMBER = 8;
  public static final int TXN_ID = 16;
  /** First byte after the common header. */
  public static final int COMMON_HEADER = 24;

  /** Page types. Zero is never valid, so an all-zero (never written) page is always rejected. */
  public static final byte TYPE_META = 1;
  public static final byte TYPE_BRANCH = 2;
  public static final byte TYPE_LEAF = 3;
  public static final byte TYPE_OVERFLOW = 4;

  /** Pages 0..2 are the file header and the two meta pages; data pages start here. */
  public static final long FIRST_DATA_PAGE = 3;

  public static final int MIN_PAGE_SIZE = 4096;
  /** Slot offsets are unsigned 16-bit, so a page may be at most 32 KiB. */
  public static final int MAX_PAGE_SIZE = 32768;

  private PageLayout() {}

  /** Returns a human-readable name of a page type, for error messages. */
  public static String typeName(int type) {
    switch (type) {
      case TYPE_META: return "meta";
      case TYPE_BRANCH: return "branch";
      case TYPE_LEAF: return "leaf";
      case TYPE_OVERFLOW: return "overflow";
      default: return "unknown(" + type + ")";
    }
  }
}
