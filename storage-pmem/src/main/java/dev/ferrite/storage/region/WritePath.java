package dev.ferrite.storage.region;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * How one durability backend gets bytes from the engine to its persistence domain: the write half
 * of a {@link FileRegion}, which owns the file, its lock, its growth and its mappings; the
 * write path reaches the file only through {@link MappedFile}.
 *
 * <p>Implementations are called by the single writer thread only.
 */
public interface WritePath {
  /** The unit in which stores reach the persistence domain; selects the commit protocol. */
  Granularity granularity();

  /** How the file's chunks are mapped: read-only for pwrite backends, read-write otherwise. */
  FileChannel.MapMode mapMode();

  /** Copies {@code src} to {@code offset} of {@code file}. */
  void store(MappedFile file, long offset, ByteBuffer src) throws IOException;

  /** Starts write-back of a range (cache-line backends). */
  void flush(MappedFile file, long offset, int length) throws IOException;

  /** Orders earlier flushed stores before later stores. */
  void fence(MappedFile file);

  /** Stores {@code src} at {@code offset} and makes only that range durable before returning. */
  void storeDurably(MappedFile file, long offset, ByteBuffer src) throws IOException;

  /** Makes every earlier store durable. */
  void sync(MappedFile file) throws IOException;

  /** One line for logs and the probe report: what a commit costs and what it survives. */
  String describe();
}
