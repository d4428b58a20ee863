package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.btree.Node;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongFunction;

/**
 * Reads committed pages straight out of the region's mapping (no buffer pool, no copy) and checks
 * each page the first time it is read after the file was opened: checksum, its own page number,
 * a known type and, for tree pages, the slot structure. Pages this process wrote are trusted.
 * A committed page not yet written in place is served from {@link UnwrittenPages} instead, and
 * the Pager writes such pages in place when a checkpoint asks ({@link #writeUnwritten}).
 *
 * <p>Thread-safety: any thread may read. The verified-page bitmap is updated with plain racy
 * stores; a lost update only means a page is checked twice. Writes in place and changes to the
 * unwritten pages are serialised on one lock: the group leader's checkpoint and the writer's
 * spills and commits may run at once.
 */
final class Pager {
  private final Region region;
  private final int pageSize;
  private final int pageShift;
  private final int chunkShift;
  private final long chunkMask;
  private volatile long[] verified = new long[0];
  /**
   * Committed pages not yet written in place, served instead of the file. Replaced whole (never
   * emptied) under {@link #writeLock} once a checkpoint has written them.
   */
  private volatile UnwrittenPages unwritten = new UnwrittenPages(0);
  /** Serialises changes to {@link #unwritten} and the writes in place ({@link #runBuffer}). */
  private final Object writeLock = new Object();

  Pager(Region region, int pageSize) {
    this.region = region;
    this.pageSize = pageSize;
    this.pageShift = Integer.numberOfTrailingZeros(pageSize);
    this.chunkShift = region.chunkShift();
    this.chunkMask = (1L << chunkShift) - 1;
  }

  int pageSize() {
    return pageSize;
  }

  Region region() {
    return region;
  }

  /** Returns a read-only view of page {@code pageNumber}, verified on first use. */
  ByteBuffer read(long pageNumber) {
    ByteBuffer page = raw(pageNumber);
    if (!isVerified(pageNumber)) {
      verify(page, pageNumber);
      markVerified(pageNumber);
    }
    return page;
  }

  /** Returns a view of page {@code pageNumber} without checking it. */
  ByteBuffer raw(long pageNumber) {
    ByteBuffer image = unwritten.getAcquire(pageNumber);
    if (image != null) {
      return image.asReadOnlyBuffer();
    }
    long offset = pageNumber << pageShift;
    ByteBuffer chunk = region.chunk((int) (offset >>> chunkShift));
    int at = (int) (offset & chunkMask);
    if (at + pageSize > chunk.capacity()) {
      throw new StorageCorruptionException(pageNumber, "page lies beyond the end of the file");
    }
    return chunk.slice(at, pageSize);
  }

  /** Checks a page read from the file; throws if it is damaged. */
  void verify(ByteBuffer page, long pageNumber) {
    byte type = page.get(PageLayout.TYPE);
    if (type < PageLayout.TYPE_BRANCH || type > PageLayout.TYPE_OVERFLOW) {
      throw new StorageCorruptionException(pageNumber, "invalid page type " + type);
    }
    if (page.getInt(PageLayout.CHECKSUM) != Checksums.pageChecksum(page, pageSize)) {
      throw new StorageCorruptionException(pageNumber, "checksum mismatch on "
          + PageLayout.typeName(type) + " page");
    }
    long recorded = page.getLong(PageLayout.PAGE_NUMBER);
    if (recorded != pageNumber) {
      throw new StorageCorruptionException(pageNumber, "page claims to be page " + recorded);
    }
    if (type == PageLayout.TYPE_BRANCH || type == PageLayout.TYPE_LEAF) {
      Node.checkStructure(page, pageSize, pageNumber);
    }
  }

  boolean isVerified(long pageNumber) {
    long[] bits = verified;
    int word = (int) (pageNumber >>> 6);
    return word < bits.length && (bits[word] & (1L << pageNumber)) != 0;
  }

  void markVerified(long pageNumber) {
    int word = (int) (pageNumber >>> 6);
    long[] bits = verified;
    if (word >= bits.length) {
      synchronized (this) {
        bits = verified;
        if (word >= bits.length) {
          bits = Arrays.copyOf(bits, Math.max(word + 1, bits.length * 2));
          verified = bits;
        }
      }
    }
    bits[word] |= 1L << pageNumber;
  }

  /**
   * Seals and writes the pages {@code numbers} (sorted) found in {@code pages} now, skipping
   * numbers absent from it (a spill, or a commit on a cache-line region); see {@link #writeAll}.
   */
  void storeAll(LongList numbers, LongObjectMap<ByteBuffer> pages) {
    sealAll(numbers, pages);
    synchronized (writeLock) {
      writeAll(numbers, pages::get);
      UnwrittenPages table = unwritten;
      for (int i = 0; i < numbers.size(); i++) {
        // A reused page may still be listed with the image it had before it was freed.
        table.markWritten(numbers.get(i));
      }
    }
  }

  /**
   * Seals the committed pages {@code numbers} found in {@code pages} and serves them from memory
   * until {@link #writeUnwritten}; the buffers are never changed again.
   */
  void keepUnwritten(LongList numbers, LongObjectMap<ByteBuffer> pages) {
    sealAll(numbers, pages);
    synchronized (writeLock) {
      UnwrittenPages table = unwritten.withRoomFor(numbers.size());
      unwritten = table;
      for (int i = 0; i < numbers.size(); i++) {
        ByteBuffer page = pages.get(numbers.get(i));
        if (page != null) {
          table.putRelease(numbers.get(i), page);
        }
      }
    }
  }

  /** Serves {@code image} as page {@code pageNumber} (a replayed page on a read-only open). */
  void keepUnwritten(long pageNumber, ByteBuffer image) {
    synchronized (writeLock) {
      UnwrittenPages table = unwritten.withRoomFor(1);
      unwritten = table;
      table.putRelease(pageNumber, image);
    }
  }

  /**
   * Writes every page served from memory in place (not synced), then stops serving them: a
   * reader that finds no image reads the same bytes from the file.
   */
  void writeUnwritten() {
    synchronized (writeLock) {
      UnwrittenPages table = unwritten;
      if (table.size() == 0) {
        return;
      }
      LongList numbers = new LongList();
      table.forEachUnwritten(numbers::add);
      numbers.sort();
      writeAll(numbers, table::getAcquire);
      // Sized for as many pages as the last checkpoint wrote: no doubling steps on the way.
      unwritten = new UnwrittenPages(table.size());
    }
  }

  /** Seals the pages {@code numbers} found in {@code pages} and records them as trusted. */
  private void sealAll(LongList numbers, LongObjectMap<ByteBuffer> pages) {
    for (int i = 0; i < numbers.size(); i++) {
      ByteBuffer page = pages.get(numbers.get(i));
      if (page != null) {
        Checksums.sealPage(page, pageSize);
        markVerified(numbers.get(i));
      }
    }
  }

  /**
   * Writes the sealed pages {@code numbers} (sorted) found in {@code pages}. On PAGE regions runs
   * of consecutive pages go out as one write of up to {@link #MAX_RUN_PAGES} pages: a bulk load
   * writes megabytes per system call instead of one page. Called under {@link #writeLock}.
   */
  private void writeAll(LongList numbers, LongFunction<ByteBuffer> pages) {
    int i = 0;
    while (i < numbers.size()) {
      long first = numbers.get(i);
      ByteBuffer page = pages.apply(first);
      if (page == null) {
        i++;
        continue;
      }
      int run = 1;
      while (region.granularity() == Granularity.PAGE && run < MAX_RUN_PAGES
          && i + run < numbers.size() && numbers.get(i + run) == first + run
          && pages.apply(first + run) != null) {
        run++;
      }
      if (run == 1) {
        storeRaw(first << pageShift, page);
      } else {
        if (runBuffer == null) {
          runBuffer = ByteBuffer.allocate(MAX_RUN_PAGES * pageSize);
        }
        ByteBuffer staging = runBuffer.clear();
        for (int k = 0; k < run; k++) {
          staging.put(k * pageSize, pages.apply(first + k), 0, pageSize);
        }
        staging.limit(run * pageSize);
        region.store(first << pageShift, staging);
      }
      i += run;
    }
  }

  private static final int MAX_RUN_PAGES = 256;
  /** Staging buffer for coalesced writes; guarded by {@link #writeLock}. */
  private ByteBuffer runBuffer;

  /**
   * Writes a sealed image (a page, or any whole number of cache lines) at {@code offset}. On PAGE
   * regions the whole image is written (the sync writes whole blocks anyway). On cache-line
   * regions only the 64-byte lines that differ from the current contents are stored, and those
   * are flushed at once: write-back of unchanged lines is wasted work, and the commit's fence
   * orders them all.
   */
  void storeRaw(long offset, ByteBuffer page) {
    if (region.granularity() == Granularity.PAGE) {
      region.store(offset, page.duplicate().clear());
      return;
    }
    ByteBuffer current = region.chunk((int) (offset >>> chunkShift));
    int base = (int) (offset & chunkMask);
    int size = page.capacity();
    int line = 0;
    while (line < size) {
      if (sameLine(current, base + line, page, line)) {
        line += CACHE_LINE;
        continue;
      }
      int end = line + CACHE_LINE;
      while (end < size && !sameLine(current, base + end, page, end)) {
        end += CACHE_LINE;
      }
      region.store(offset + line, page.duplicate().limit(end).position(line));
      if (region.granularity() == Granularity.CACHE_LINE) {
        region.flush(offset + line, end - line);
      }
      line = end;
    }
  }

  private static final int CACHE_LINE = 64;

  private static boolean sameLine(ByteBuffer a, int aOffset, ByteBuffer b, int bOffset) {
    for (int i = 0; i < CACHE_LINE; i += 8) {
      if (a.getLong(aOffset + i) != b.getLong(bOffset + i)) {
        return false;
      }
    }
    return true;
  }

  long offsetOf(long pageNumber) {
    return pageNumber << pageShift;
  }
}
