package dev.ferrite.storage.txn;

import java.nio.ByteBuffer;

/**
 * The bytes in which a page differs from the page it was copied from, as runs of
 * {@code (u16 offset, u16 length, bytes)}. A copy-on-write commit changes a few hundred bytes of
 * each page it copies, so a commit log record of deltas is usually one page where whole images
 * would be five or six.
 */
final class PageDelta {
  private static final int RUN_HEADER = 4;

  private PageDelta() {}

  /**
   * Appends the runs turning {@code source} into {@code page} to {@code out} (at its position)
   * and returns their length, or -1 if they would not be shorter than {@code limit} bytes.
   */
  static int encode(ByteBuffer source, ByteBuffer page, int pageSize, ByteBuffer out, int limit) {
    int start = out.position();
    int at = 0;
    while (at < pageSize) {
      // Most of a page is unchanged: skip it with the JDK's vectorized comparison.
      int differs = source.slice(at, pageSize - at).mismatch(page.slice(at, pageSize - at));
      if (differs < 0) {
        break;
      }
      at = (at + differs) & -Long.BYTES;
      int end = at + Long.BYTES;
      // A run absorbs a single equal word: a new run header would cost half of it anyway.
      while (end < pageSize && (source.getLong(end) != page.getLong(end)
          || end + Long.BYTES < pageSize && source.getLong(end + Long.BYTES)
              != page.getLong(end + Long.BYTES))) {
        end += Long.BYTES;
      }
      int length = end - at;
      if (out.position() - start + RUN_HEADER + length >= limit) {
        out.position(start);
        return -1;
      }
      out.putShort((short) at).putShort((short) length).put(page.slice(at, length));
      at = end;
    }
    return out.position() - start;
  }

  /**
   * Applies the runs in {@code runs[from, from + length)} to {@code page}; false if they are
   * malformed (a torn or stale record).
   */
  static boolean apply(byte[] runs, int from, int length, ByteBuffer page, int pageSize) {
    ByteBuffer in = ByteBuffer.wrap(runs, from, length);
    while (in.hasRemaining()) {
      if (in.remaining() < RUN_HEADER) {
        return false;
      }
      int offset = Short.toUnsignedInt(in.getShort());
      int bytes = Short.toUnsignedInt(in.getShort());
      if (bytes == 0 || offset + bytes > pageSize || bytes > in.remaining()) {
        return false;
      }
      page.put(offset, runs, in.position(), bytes);
      in.position(in.position() + bytes);
    }
    return true;
  }
}
