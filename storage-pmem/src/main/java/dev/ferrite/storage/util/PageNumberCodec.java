package dev.ferrite.storage.util;

import java.io.ByteArrayOutputStream;

/**
 * Encodes a list of page numbers as sorted deltas in unsigned LEB128 varints: free-list entries
 * and commit lists are mostly runs of nearby pages, so most take one or two bytes. An encoding
 * may be followed by zero bytes (padding, see {@code PageAllocator.persist}): a delta of zero
 * never starts a valid entry, since the pages are distinct and none is page 0.
 */
public final class PageNumberCodec {
  private PageNumberCodec() {}

  /** Encodes {@code pages} (sorted in place) as varint deltas. */
  public static byte[] encode(LongList pages) {
    pages.sort();
    ByteArrayOutputStream out = new ByteArrayOutputStream(pages.size() * 2 + 4);
    long previous = 0;
    for (int i = 0; i < pages.size(); i++) {
      long page = pages.get(i);
      long delta = page - previous;
      previous = page;
      while ((delta & ~0x7FL) != 0) {
        out.write((int) ((delta & 0x7F) | 0x80));
        delta >>>= 7;
      }
      out.write((int) delta);
    }
    return out.toByteArray();
  }

  /**
   * Decodes {@code bytes[from, to)} into {@code out}.
   *
   * @throws IllegalArgumentException if the bytes are not a valid encoding
   */
  public static void decode(byte[] bytes, int from, int to, LongList out) {
    long previous = 0;
    int i = from;
    while (i < to) {
      if (bytes[i] == 0) {
        for (int pad = i; pad < to; pad++) {
          if (bytes[pad] != 0) {
            throw new IllegalArgumentException("page number list with a zero delta");
          }
        }
        return;
      }
      long delta = 0;
      int shift = 0;
      while (true) {
        if (i >= to || shift > 63) {
          throw new IllegalArgumentException("truncated page number list");
        }
        int b = bytes[i++] & 0xff;
        delta |= (long) (b & 0x7F) << shift;
        if ((b & 0x80) == 0) {
          break;
        }
        shift += 7;
      }
      previous += delta;
      out.add(previous);
    }
  }
}
