package dev.ferrite.tools.bench;

import dev.ferrite.storage.region.ForwardingRegion;
import dev.ferrite.storage.region.Region;
import java.nio.ByteBuffer;

/**
 * A {@link Region} that forwards every call to the real file backend and counts the write-side
 * calls, so a benchmark can report how many syncs and page writes a commit really issues instead
 * of assuming it. On the page-cache backend ({@code FileRegion}) one {@link #sync} is one
 * {@code FileChannel.force(false)}, i.e. one {@code fdatasync}, and one {@link #store} is one
 * positioned write. The counting costs a few nanoseconds against commits of hundreds of
 * microseconds. The counters are guarded by this object: a group-commit leader and the next
 * writer may call it at once.
 */
public final class CountingRegion extends ForwardingRegion {
  private long stores;
  private long storedBytes;
  private long runs;
  private long nextOffset = -1;
  private long syncs;
  private long durableWrites;
  /** Time spent in the delegate's store, storeDurably and sync: where a commit's time goes. */
  private long storeNanos;
  private long durableNanos;
  private long syncNanos;
  private long grows;

  /** Wraps {@code delegate}. */
  public CountingRegion(Region delegate) {
    super(delegate);
  }

  /** Calls of {@link #store} so far. */
  public synchronized long stores() {
    return stores;
  }

  /** Bytes passed to {@link #store} so far. */
  public synchronized long storedBytes() {
    return storedBytes;
  }

  /**
   * Contiguous runs among the stores so far: a store that does not start where the previous one
   * ended (or is the first after a sync) starts a new run. Each run is at least one separate write
   * request to the device.
   */
  public synchronized long runs() {
    return runs;
  }

  /** Calls of {@link #sync} so far. */
  public long syncs() {
    return syncs;
  }

  /**
   * Calls of {@link #storeDurably} so far: on the page-cache backend each is one {@code pwrite}
   * through an {@code O_DSYNC} descriptor, a durability point of its own (a logged commit).
   */
  public long durableWrites() {
    return durableWrites;
  }

  /** Nanoseconds spent in {@link #store}, {@link #storeDurably} and {@link #sync} so far. */
  public synchronized long[] nanos() {
    return new long[] {storeNanos, durableNanos, syncNanos};
  }

  /** Calls of {@link #grow} so far. */
  public long grows() {
    return grows;
  }

  @Override
  public void grow(long newLength) {
    grows++;
    delegate.grow(newLength);
  }

  @Override
  public void store(long offset, ByteBuffer src) {
    int n = src.remaining();
    long start = System.nanoTime();
    delegate.store(offset, src);
    long nanos = System.nanoTime() - start;
    synchronized (this) {
      stores++;
      storedBytes += n;
      if (offset != nextOffset) {
        runs++;
      }
      nextOffset = offset + n;
      storeNanos += nanos;
    }
  }

  @Override
  public void storeDurably(long offset, ByteBuffer src) {
    durableWrites++;
    long start = System.nanoTime();
    delegate.storeDurably(offset, src);
    durableNanos += System.nanoTime() - start;
  }

  @Override
  public void sync() {
    syncs++;
    synchronized (this) {
      nextOffset = -1;
    }
    long start = System.nanoTime();
    delegate.sync();
    syncNanos += System.nanoTime() - start;
  }
}
