package dev.ferrite.storage.txn;

import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.FileHeaderLayout;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.Region;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The record slots of the file header (see {@link FileHeaderLayout}): a small text that must
 * survive crashes but is written outside transactions, such as the durability decision.
 */
final class HeaderRecord {
  private HeaderRecord() {}

  /** Returns the current record text, or null if neither slot is valid. */
  static String read(Region region) {
    Slot a = slot(region, FileHeaderLayout.RECORD_SLOT_0);
    Slot b = slot(region, FileHeaderLayout.RECORD_SLOT_1);
    Slot current = a == null ? b : b == null ? a : a.sequence >= b.sequence ? a : b;
    return current == null ? null : current.text;
  }

  /** Replaces the record durably, writing the older slot so the current one stays intact. */
  static void write(Region region, Pager pager, String text) {
    Slot a = slot(region, FileHeaderLayout.RECORD_SLOT_0);
    Slot b = slot(region, FileHeaderLayout.RECORD_SLOT_1);
    long sequence = Math.max(a == null ? 0 : a.sequence, b == null ? 0 : b.sequence) + 1;
    int target = a == null || (b != null && a.sequence < b.sequence)
        ? FileHeaderLayout.RECORD_SLOT_0 : FileHeaderLayout.RECORD_SLOT_1;
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    int length = Math.min(bytes.length,
        FileHeaderLayout.RECORD_SLOT_SIZE - FileHeaderLayout.RECORD_HEADER);
    ByteBuffer slot = ByteBuffer.allocate(FileHeaderLayout.RECORD_SLOT_SIZE);
    slot.putInt(4, length).putLong(8, sequence).put(FileHeaderLayout.RECORD_HEADER, bytes, 0,
        length);
    slot.putInt(0, Checksums.crc32c(slot, 4, FileHeaderLayout.RECORD_HEADER + length));
    pager.storeRaw(target, slot);
    if (region.granularity() == Granularity.PAGE) {
      region.sync();
    } else {
      region.fence();
    }
  }

  private record Slot(long sequence, String text) {}

  private static Slot slot(Region region, int offset) {
    ByteBuffer bytes = region.chunk(0).slice(offset, FileHeaderLayout.RECORD_SLOT_SIZE);
    int length = bytes.getInt(4);
    if (length <= 0 || length > FileHeaderLayout.RECORD_SLOT_SIZE - FileHeaderLayout.RECORD_HEADER
        || bytes.getInt(0) != Checksums.crc32c(bytes, 4, FileHeaderLayout.RECORD_HEADER + length)) {
      return null;
    }
    byte[] text = new byte[length];
    bytes.get(FileHeaderLayout.RECORD_HEADER, text);
    return new Slot(bytes.getLong(8), new String(text, StandardCharsets.UTF_8));
  }
}
