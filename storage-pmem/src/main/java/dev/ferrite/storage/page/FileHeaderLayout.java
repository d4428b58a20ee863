package dev.ferrite.storage.page;

import java.nio.charset.StandardCharsets;

/**
 * Page 0: identifies the file. Written once at creation and never rewritten by commits.
 *
 * <pre>
 *  0         8      12     16        20          28          36         40
 *  +---------+------+------+---------+-----------+-----------+----------+-- zero --+
 *  | magic   | crc  | fmt  | pageSize| created   | log start | log pages|          |
 *  +---------+------+------+---------+-----------+-----------+----------+----------+
 * </pre>
 *
 * <p>Format 2 added the commit log ring ({@code CommitLog}): {@code log pages} pages from page
 * {@code log start}, reserved at creation and never part of a tree or the free list. Format 1
 * files have no log (both fields zero) and commit with one fdatasync per commit.
 *
 * The magic comes first so that {@code file(1)} and a reader of a foreign file can tell at once;
 * the checksum covers bytes {@code [12, 512)} (one sector: the header never tears).
 *
 * <p>Bytes {@code [1024, 4096)} hold two alternating <em>record slots</em> for the durability
 * decision and its evidence, rewritten when the platform changes:
 * <pre>
 *  0   int  CRC32C of [4, 16 + length)
 *  4   int  length of the text
 *  8   long sequence number (the valid slot with the higher one is current)
 *  16  UTF-8 text
 * </pre>
 * A torn slot fails its checksum and the other one is used.
 */
public final class FileHeaderLayout {
  public static final int MAGIC = 0;
  public static final int CHECKSUM = 8;
  public static final int FORMAT_VERSION = 12;
  public static final int PAGE_SIZE = 16;
  public static final int CREATED_MILLIS = 20;
  public static final int LOG_START = 28;
  public static final int LOG_PAGES = 36;
  /** The checksummed part of the header ends here. */
  public static final int CHECKED_END = 512;

  public static final int RECORD_SLOT_0 = 1024;
  public static final int RECORD_SLOT_1 = 2560;
  public static final int RECORD_SLOT_SIZE = 1536;
  public static final int RECORD_HEADER = 16;

  public static final byte[] MAGIC_BYTES = "FERRITE\0".getBytes(StandardCharsets.US_ASCII);
  public static final int CURRENT_FORMAT = 2;

  private FileHeaderLayout() {}
}
