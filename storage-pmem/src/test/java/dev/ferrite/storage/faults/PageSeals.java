package dev.ferrite.storage.faults;

import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.FileHeaderLayout;
import dev.ferrite.storage.page.PageLayout;
import java.nio.ByteBuffer;

/**
 * Recomputes every checksum of a database image, turning a damaged file into a crafted one: the
 * checksums then vouch for whatever the bytes say, and only the structure checks stand between
 * them and the code that follows pointers and lengths.
 */
final class PageSeals {
  private PageSeals() {}

  static void reseal(byte[] image) {
    ByteBuffer file = ByteBuffer.wrap(image);
    if (image.length < FileHeaderLayout.CHECKED_END) {
      return;
    }
    file.putInt(FileHeaderLayout.CHECKSUM, Checksums.crc32c(file, FileHeaderLayout.FORMAT_VERSION,
        FileHeaderLayout.CHECKED_END));
    int pageSize = file.getInt(FileHeaderLayout.PAGE_SIZE);
    if (Integer.bitCount(pageSize) != 1 || pageSize < PageLayout.MIN_PAGE_SIZE
        || pageSize > PageLayout.MAX_PAGE_SIZE) {
      return;
    }
    for (int at = pageSize; at + pageSize <= image.length; at += pageSize) {
      Checksums.sealPage(file.slice(at, pageSize), pageSize);
    }
  }
}
