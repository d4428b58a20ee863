package dev.ferrite.storage.page;

import java.nio.charset.StandardCharsets;

/**
 * Page 0: identifies the file. Written once at creation and never rewritten by commits.
 *
 * <pre>
 *  0         8      12     16        20          28
 *  +---------+------+------+---------+-----------+---- zero ----+
 *  | magic   | crc  | fmt  | pageSize| created   |              |
 *  +---------+------+------+---------+-----------+--------------+
 * </pre>
 *
 * The magic comes first so that {@code file(1)} and a reader of a foreign file can tell at once;
 * the checksum covers bytes {@code [12, 512)} (one sector: the header never tears).
 */
public final class FileHeaderLayout {
  public static final int MAGIC = 0;
  public static final int CHECKSUM = 8;
  public static final int FORMAT_VERSION = 12;
  public static final int PAGE_SIZE = 16;
  public static final int CREATED_MILLIS = 20;
  /** The checksummed part of the header ends here. */
  public static final int CHECKED_END = 512;

  public static final byte[] MAGIC_BYTES = "FERRITE\0".getBytes(StandardCharsets.US_ASCII);
  public static final int CURRENT_FORMAT = 1;

  private FileHeaderLayout() {}
}
