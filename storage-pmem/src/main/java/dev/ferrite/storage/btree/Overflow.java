package dev.ferrite.storage.btree;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.page.PageLayout;
import java.nio.ByteBuffer;

/**
 * Chains of overflow pages holding values too large for a leaf cell.
 *
 * <pre>
 *  0..23  common header (type OVERFLOW)
 *  24     long next page of the chain, 0 at the end
 *  32     int  bytes of value data in this page
 *  40..   value data
 * </pre>
 *
 * Overflow pages are immutable once committed: replacing a value writes a new chain and frees the
 * old one, so readers of older snapshots keep reading the old chain.
 */
final class Overflow {
  static final int NEXT = PageLayout.COMMON_HEADER;
  static final int USED = 32;
  static final int DATA = 40;

  private Overflow() {}

  static int capacity(int pageSize) {
    return pageSize - DATA;
  }

  /** Writes {@code value} into a new chain and returns its first page. */
  static long write(PageAccess access, byte[] value) {
    int capacity = capacity(access.pageSize());
    int pages = Math.max(1, (value.length + capacity - 1) / capacity);
    long[] numbers = new long[pages];
    for (int i = 0; i < pages; i++) {
      numbers[i] = access.allocate(PageLayout.TYPE_OVERFLOW);
    }
    for (int i = 0; i < pages; i++) {
      ByteBuffer page = access.writable(numbers[i]);
      int from = i * capacity;
      int n = Math.min(capacity, value.length - from);
      page.putLong(NEXT, i + 1 < pages ? numbers[i + 1] : 0);
      page.putInt(USED, n);
      page.put(DATA, value, from, n);
    }
    return numbers[0];
  }

  /** Reads a whole chain of {@code length} bytes starting at {@code first}. */
  static byte[] read(PageAccess access, long first, int length) {
    int capacity = capacity(access.pageSize());
    // The length comes from the file: check it before allocating, or a damaged (or crafted)
    // cell claiming 2 GiB would exhaust the heap instead of being reported.
    if (length > (access.pageLimit() - PageLayout.FIRST_DATA_PAGE) * capacity) {
      throw new StorageCorruptionException(first, "overflow value of " + length
          + " bytes is longer than the whole database");
    }
    byte[] value = new byte[length];
    int at = 0;
    long pageNumber = first;
    while (at < length) {
      ByteBuffer page = checkedPage(access, pageNumber);
      int n = page.getInt(USED);
      if (n <= 0 || n > capacity || n > length - at) {
        throw new StorageCorruptionException(pageNumber, "overflow page holds " + n + " bytes");
      }
      page.get(DATA, value, at, n);
      at += n;
      pageNumber = page.getLong(NEXT);
      if (at < length && pageNumber == 0) {
        throw new StorageCorruptionException(first, "overflow chain ends after " + at + " of "
            + length + " bytes");
      }
    }
    return value;
  }

  /** Frees every page of the chain starting at {@code first}; returns how many. */
  static int free(PageAccess access, long first) {
    int freed = 0;
    long pageNumber = first;
    while (pageNumber != 0) {
      // A chain cannot be longer than the database: if it is, it runs in a circle.
      if (freed > access.pageLimit()) {
        throw new StorageCorruptionException(first, "overflow chain runs in a circle");
      }
      ByteBuffer page = checkedPage(access, pageNumber);
      long next = page.getLong(NEXT);
      access.free(pageNumber);
      freed++;
      pageNumber = next;
    }
    return freed;
  }

  static ByteBuffer checkedPage(PageAccess access, long pageNumber) {
    ByteBuffer page = access.read(pageNumber);
    if (page.get(PageLayout.TYPE) != PageLayout.TYPE_OVERFLOW) {
      throw new StorageCorruptionException(pageNumber, "expected an overflow page, found "
          + PageLayout.typeName(page.get(PageLayout.TYPE)));
    }
    return page;
  }
}
