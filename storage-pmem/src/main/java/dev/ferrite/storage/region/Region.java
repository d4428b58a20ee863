package dev.ferrite.storage.region;

import java.nio.ByteBuffer;

/**
 * The database file as the storage engine sees it: a readable mapping plus the four write-side
 * primitives every durability backend provides. All writes of the engine go through
 * {@link #store}; nothing else may modify the file. That single entry point is what lets the crash
 * simulator stand in for a real backend.
 *
 * <p>Read side: the region is exposed as chunks of {@code 1 << chunkShift()} bytes (the last one
 * may be shorter). Chunk buffers are read-only views; a chunk may be replaced by a longer one after
 * {@link #grow}, so callers re-fetch chunks rather than caching them across growth.
 *
 * <p>Write side, in increasing strength:
 * <ol>
 *   <li>{@link #store} makes bytes visible to readers of this region (not yet durable);
 *   <li>{@link #flush} starts write-back of a range (cache-line backends; a no-op for PAGE);
 *   <li>{@link #fence} orders: flushed stores before the fence persist before any later store;
 *   <li>{@link #sync} makes every earlier store durable on PAGE regions; elsewhere it is a fence;
 *   <li>{@link #storeDurably} stores one range and makes only that range durable (the commit
 *       log's write: an {@code O_DSYNC} pwrite does not wait for the other dirty pages).
 * </ol>
 *
 * <p>Concurrency: any thread may read chunks. Write calls come from at most two threads at once,
 * on disjoint ranges: a group-commit leader (log record, meta, pages written at a checkpoint,
 * syncs) and the next write transaction spilling pages it has not committed.
 */
public interface Region extends AutoCloseable {
  /** Returns the persistence granularity, which selects the commit protocol. */
  Granularity granularity();

  /** Returns log2 of the chunk size of the read mapping. */
  int chunkShift();

  /** Returns the current length of the region in bytes. */
  long length();

  /** Returns a read-only view of chunk {@code index}; position 0 is chunk offset 0. */
  ByteBuffer chunk(int index);

  /**
   * Extends the region to {@code newLength} with real zeros (never sparse holes). On PAGE regions
   * the new length and zeros are durable after the next {@link #sync}; on cache-line regions
   * when this returns.
   */
  void grow(long newLength);

  /** Copies {@code src} (position to limit) to {@code offset}; does not change src's position. */
  void store(long offset, ByteBuffer src);

  /** Starts write-back of {@code [offset, offset + length)} toward the persistence domain. */
  void flush(long offset, int length);

  /** Orders flushed stores before every later store. */
  void fence();

  /**
   * Makes every store issued so far durable on PAGE regions. On cache-line regions it is a fence:
   * stores must have been flushed first (the region does not track what is unflushed).
   */
  void sync();

  /**
   * Copies {@code src} to {@code offset} and returns once exactly that range is durable; other
   * stores not yet synced stay pending. PAGE regions: a pwrite through an {@code O_DSYNC}
   * descriptor or msync of the range; cache-line regions: store, flush, fence.
   */
  void storeDurably(long offset, ByteBuffer src);

  /** Releases the mapping and file; pending stores that were not synced may be lost. */
  @Override
  void close();
}
