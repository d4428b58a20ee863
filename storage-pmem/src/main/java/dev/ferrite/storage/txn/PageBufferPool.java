package dev.ferrite.storage.txn;

import dev.ferrite.storage.util.LongObjectMap;
import java.nio.ByteBuffer;

/**
 * Page-sized heap buffers passed from ended write transactions to later ones. A small commit
 * copies five or six pages; allocating (and zeroing) a fresh array for each was about a third of
 * its CPU time (JFR, one-row commits on tmpfs).
 *
 * <p>A buffer comes back only once nothing refers to it: after its transaction aborted. A
 * committed page's buffer is served by {@link UnwrittenPages} until a checkpoint and then left to
 * the collector, since a reader may still hold a view of it. Contents are unspecified.
 * Thread-safety: under this object's lock.
 */
final class PageBufferPool {
  private static final int MAX_BUFFERS = 64;

  private final int pageSize;
  private final ByteBuffer[] buffers = new ByteBuffer[MAX_BUFFERS];
  private int count;

  PageBufferPool(int pageSize) {
    this.pageSize = pageSize;
  }

  /** A page buffer with unspecified contents, position 0 and limit at the page size. */
  ByteBuffer take() {
    synchronized (this) {
      if (count > 0) {
        ByteBuffer page = buffers[--count];
        buffers[count] = null;
        return page.clear();
      }
    }
    return ByteBuffer.allocate(pageSize);
  }

  /** Takes back the buffers of {@code pages}, as many as the pool has room for. */
  synchronized void giveBack(LongObjectMap<ByteBuffer> pages) {
    pages.forEachKey(number -> {
      if (count < MAX_BUFFERS) {
        buffers[count++] = pages.get(number);
      }
    });
  }
}
