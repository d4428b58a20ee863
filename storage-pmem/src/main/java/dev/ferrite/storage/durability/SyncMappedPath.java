package dev.ferrite.storage.durability;

import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.WritePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import jdk.nio.mapmode.ExtendedMapMode;

/**
 * The shared half of the persistent-memory write paths: stores go straight into a
 * {@code MAP_SYNC} mapping (JEP 352's {@code READ_WRITE_SYNC}), or, with the testing switch
 * {@code forcedPmem}, into a normal shared mapping. Subclasses decide flushing and fencing.
 */
public abstract class SyncMappedPath implements WritePath {
  /** Whether the file is mapped normally for testing (not durable against power failure). */
  protected final boolean forcedPmem;

  /** Creates the path. */
  protected SyncMappedPath(boolean forcedPmem) {
    this.forcedPmem = forcedPmem;
  }

  @Override
  public FileChannel.MapMode mapMode() {
    return forcedPmem ? FileChannel.MapMode.READ_WRITE : ExtendedMapMode.READ_WRITE_SYNC;
  }

  @Override
  public void store(MappedFile file, long offset, ByteBuffer src) {
    file.storeMapped(offset, src);
  }

  @Override
  public void storeDurably(MappedFile file, long offset, ByteBuffer src) throws IOException {
    store(file, offset, src);
    flush(file, offset, src.remaining());
    fence(file);
  }
}
