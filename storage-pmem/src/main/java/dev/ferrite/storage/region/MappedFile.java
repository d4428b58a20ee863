package dev.ferrite.storage.region;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The operations a {@link WritePath} may use on the database file: pwrite and fdatasync, or
 * stores into a writable mapping and write-back of a mapped range. Implemented by
 * {@link FileRegion} for real files and by the crash simulator, which is how every backend's own
 * write path is crash-tested.
 */
public interface MappedFile {
  /** {@code pwrite} of {@code src} (position to limit; position unchanged) at {@code offset}. */
  void pwrite(long offset, ByteBuffer src) throws IOException;

  /**
   * {@code pwrite} through a descriptor opened with {@code O_DSYNC} (and {@code O_DIRECT} where
   * possible): durable when it returns. The kernel writes and flushes only this range, not the
   * file's other dirty pages.
   */
  void pwriteDurably(long offset, ByteBuffer src) throws IOException;

  /** {@code fdatasync} of the whole file. */
  void fdatasync() throws IOException;

  /** Copies {@code src} into the writable mapping at {@code offset}. */
  void storeMapped(long offset, ByteBuffer src);

  /**
   * {@code MappedByteBuffer.force(index, length)} over {@code [offset, offset + length)}: on a
   * {@code MAP_SYNC} mapping, cache-line write-back and a fence; otherwise {@code msync(MS_SYNC)}
   * of the pages. Durable when it returns.
   */
  void forceMapped(long offset, int length) throws IOException;

  /**
   * A full memory fence: stores before it are globally visible (and, on an eADR platform,
   * persistent) before any store after it.
   */
  void orderStores();

  /**
   * Starts cache-line write-back of {@code [offset, offset + length)} of the mapping (CLWB, no
   * ordering): durable only after {@link #drain}.
   */
  void writeBack(long offset, int length) throws IOException;

  /** Waits until every line written back so far is durable (SFENCE after CLWB). */
  void drain();
}
