package dev.ferrite.storage.txn;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.util.function.LongConsumer;

/**
 * Committed pages whose images are not yet written in place, by page number: what SQLite's
 * wal-index is to its WAL. A logged commit is durable through its commit-log record alone, so
 * its pages go in place only at the next checkpoint; until then every read of a committed page
 * looks here first. Writing them per commit cost about 8 µs of {@code pwrite} per page (it
 * dirties a clean page-cache folio), and doing that on a second thread slowed the commit's own
 * {@code O_DSYNC} write it overlapped.
 *
 * <p>One table answers for every snapshot: a page number has one image as long as any live
 * snapshot can see it, because a page is reused only once no live snapshot can see it. A reused
 * page's entry is simply replaced; a page written in place early (a spill) is marked so.
 *
 * <p>Concurrency: one thread at a time changes the table (the {@link Pager} serialises them);
 * readers look up without locks. An entry's image is published with a release store and read
 * with an acquire load, so a reader that sees a key sees a complete, sealed image. Keys are never
 * removed: a table is replaced whole (after a checkpoint wrote its pages, or to grow), and a
 * reader still holding the old one reads images equal to the pages in place.
 */
final class UnwrittenPages {
  private static final VarHandle KEYS = MethodHandles.arrayElementVarHandle(long[].class);
  private static final VarHandle IMAGES = MethodHandles.arrayElementVarHandle(ByteBuffer[].class);
  /** Page 0 is the file header, never a data page, so 0 marks a free slot. */
  private static final long FREE = 0;

  private final long[] keys;
  private final ByteBuffer[] images;
  private int size;

  UnwrittenPages(int capacity) {
    int slots = Integer.highestOneBit(Math.max(16, capacity * 2 - 1)) << 1;
    keys = new long[slots];
    images = new ByteBuffer[slots];
  }

  /** Number of pages listed, including those since written in place early. */
  int size() {
    return size;
  }

  /**
   * This table if {@code pages} more entries keep it at most half full, else a larger copy
   * (twice the entries it must hold, so growth stays amortised) for the owner to publish.
   */
  UnwrittenPages withRoomFor(int pages) {
    return 2 * (size + pages) <= keys.length ? this : grownTo(2 * (size + pages));
  }

  private static int slotOf(long page, int mask) {
    long h = page * 0x9E3779B97F4A7C15L;
    return (int) (h ^ (h >>> 32)) & mask;
  }

  /** The image of {@code page} not yet in place, or null: read the page from the file. */
  ByteBuffer getAcquire(long page) {
    int mask = keys.length - 1;
    for (int i = slotOf(page, mask); ; i = (i + 1) & mask) {
      long key = (long) KEYS.getAcquire(keys, i);
      if (key == page) {
        return (ByteBuffer) IMAGES.getAcquire(images, i);
      }
      if (key == FREE) {
        return null;
      }
    }
  }

  /**
   * Lists {@code image} (sealed, never changed again) as page {@code page}'s, replacing an older
   * one; null records that the page is in place. The caller made room ({@link #withRoomFor}).
   */
  void putRelease(long page, ByteBuffer image) {
    int i = slotFor(page);
    IMAGES.setRelease(images, i, image);
    if (keys[i] == FREE) {
      KEYS.setRelease(keys, i, page);
      size++;
    }
  }

  /** Records that {@code page}, if listed, is in place now (written early by a spill). */
  void markWritten(long page) {
    int i = slotFor(page);
    if (keys[i] == page) {
      IMAGES.setRelease(images, i, null);
    }
  }

  /** The slot holding {@code page}, or the free slot where it would go (owner thread only). */
  private int slotFor(long page) {
    int mask = keys.length - 1;
    int i = slotOf(page, mask);
    while (keys[i] != page && keys[i] != FREE) {
      i = (i + 1) & mask;
    }
    return i;
  }

  /** Calls {@code action} with every page that has an image here. */
  void forEachUnwritten(LongConsumer action) {
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != FREE && images[i] != null) {
        action.accept(keys[i]);
      }
    }
  }

  private UnwrittenPages grownTo(int capacity) {
    UnwrittenPages grown = new UnwrittenPages(capacity);
    for (int i = 0; i < keys.length; i++) {
      if (keys[i] != FREE && images[i] != null) {
        grown.putRelease(keys[i], images[i]);
      }
    }
    return grown;
  }
}
