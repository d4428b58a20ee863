package dev.ferrite.storage.crash;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.region.ForwardingRegion;
import dev.ferrite.storage.region.WritePath;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A region whose writes go through a real backend's {@link WritePath}, onto the simulated
 * persistence domain: the crash campaign then tests the backend's own code (its range tracking,
 * its flushes and fences), not only the commit protocol.
 */
final class BackendRegion extends ForwardingRegion {
  private final SimulatedRegion simulated;
  private final WritePath writePath;

  BackendRegion(SimulatedRegion simulated, WritePath writePath) {
    super(matching(simulated, writePath));
    this.simulated = simulated;
    this.writePath = writePath;
  }

  private static SimulatedRegion matching(SimulatedRegion simulated, WritePath writePath) {
    if (simulated.granularity() != writePath.granularity()) {
      throw new IllegalArgumentException("simulator granularity " + simulated.granularity()
          + " does not match the backend's " + writePath.granularity());
    }
    return simulated;
  }

  @Override
  public void store(long offset, ByteBuffer src) {
    try {
      writePath.store(simulated, offset, src);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.IO_ERROR, e.getMessage(), e);
    }
  }

  @Override
  public void storeDurably(long offset, ByteBuffer src) {
    try {
      writePath.storeDurably(simulated, offset, src);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.PANIC, e.getMessage(), e);
    }
  }

  @Override
  public void flush(long offset, int length) {
    try {
      writePath.flush(simulated, offset, length);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.PANIC, e.getMessage(), e);
    }
  }

  @Override
  public void fence() {
    writePath.fence(simulated);
  }

  @Override
  public void sync() {
    try {
      writePath.sync(simulated);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.PANIC, e.getMessage(), e);
    }
  }
}
