package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Which snapshots live readers are using (LMDB's reader lock table, in-process). The writer asks
 * for the oldest one to know which freed pages nobody can see any more.
 *
 * <p>Registration protocol (a Dekker handshake on volatiles): a reader stores its snapshot's id in
 * its slot, then re-reads the published snapshot; if a newer one was published meanwhile it
 * retries. The writer computes {@link #oldest} after publishing. So a reader either is seen by the
 * writer or re-reads and pins the newer snapshot: pages it can see are never reused.
 */
final class ReaderTable {
  static final long IDLE = Long.MAX_VALUE;

  private final AtomicLongArray slots;
  private final int[] freeSlots;
  private int freeCount;
  private volatile int highWater;

  ReaderTable(int capacity) {
    slots = new AtomicLongArray(capacity);
    freeSlots = new int[capacity];
    for (int i = 0; i < capacity; i++) {
      slots.set(i, IDLE);
      freeSlots[i] = capacity - 1 - i;
    }
    freeCount = capacity;
  }

  /** Claims a slot; throws BUSY when every slot is taken. */
  synchronized int acquire() {
    if (freeCount == 0) {
      throw new StorageException(StorageErrorCode.BUSY, "too many concurrent read transactions ("
          + slots.length() + "); raise maxReaders");
    }
    int slot = freeSlots[--freeCount];
    if (slot + 1 > highWater) {
      highWater = slot + 1;
    }
    return slot;
  }

  /** Records that the reader in {@code slot} uses snapshot {@code txnId}. */
  void pin(int slot, long txnId) {
    slots.set(slot, txnId);
  }

  /** Releases a slot. */
  synchronized void release(int slot) {
    slots.set(slot, IDLE);
    freeSlots[freeCount++] = slot;
  }

  /** Returns the oldest pinned snapshot id, or {@link #IDLE} if there are no readers. */
  long oldest() {
    long oldest = IDLE;
    int n = highWater;
    for (int i = 0; i < n; i++) {
      oldest = Math.min(oldest, slots.get(i));
    }
    return oldest;
  }
}
