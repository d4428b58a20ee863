package dev.ferrite.storage.page;

import java.nio.ByteBuffer;
import java.util.zip.CRC32C;

/** CRC32C over pages and records (hardware-accelerated by the JDK's intrinsic). */
public final class Checksums {
  private Checksums() {}

  /** Returns the CRC32C of {@code buffer[from, to)}, leaving the buffer's position untouched. */
  public static int crc32c(ByteBuffer buffer, int from, int to) {
    CRC32C crc = new CRC32C();
    ByteBuffer view = buffer.duplicate();
    view.limit(to).position(from);
    crc.update(view);
    return (int) crc.getValue();
  }

  /** Returns the checksum a page of {@code pageSize} bytes should carry. */
  public static int pageChecksum(ByteBuffer page, int pageSize) {
    return crc32c(page, PageLayout.TYPE, pageSize);
  }

  /** Writes the page checksum into its header. */
  public static void sealPage(ByteBuffer page, int pageSize) {
    page.putInt(PageLayout.CHECKSUM, pageChecksum(page, pageSize));
  }
}
