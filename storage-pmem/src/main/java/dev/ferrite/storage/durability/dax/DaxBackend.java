package dev.ferrite.storage.durability.dax;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilityBackend;
import dev.ferrite.storage.durability.SyncMappedPath;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.WritePath;
import java.io.IOException;

/**
 * Persistent memory on an ADR platform: the file is mapped with {@code MAP_SYNC} (JEP 352's
 * {@code READ_WRITE_SYNC}), so a store is durable once its cache line is written back and fenced;
 * a flush issues CLWB (else CLFLUSHOPT, else CLFLUSH) for exactly the stored lines, and a fence
 * waits for them, with no system call: libpmem's {@code pmem_flush}/{@code pmem_drain} when
 * libpmem is installed, else {@code MappedByteBuffer.force(index, length)}, which does the same.
 *
 * <p>With the testing switch {@code forcedPmem} the file is mapped normally: with libpmem the real
 * flush instructions run on it (on {@code /dev/shm} that exercises them without persistent
 * memory), without it force becomes an msync of the touched pages. Not durable either way.
 */
public final class DaxBackend implements DurabilityBackend {
  @Override
  public Durability kind() {
    return Durability.DAX;
  }

  @Override
  public WritePath writePath(boolean forcedPmem) {
    return new CacheLinePath(forcedPmem);
  }

  @Override
  public String guarantee() {
    return "a returned commit survives power failures once its lines are written back and fenced"
        + " (MAP_SYNC, ADR)";
  }

  private static final class CacheLinePath extends SyncMappedPath {
    CacheLinePath(boolean forcedPmem) {
      super(forcedPmem);
    }

    @Override
    public Granularity granularity() {
      return Granularity.CACHE_LINE;
    }

    @Override
    public void flush(MappedFile file, long offset, int length) throws IOException {
      file.writeBack(offset, length);
    }

    @Override
    public void fence(MappedFile file) {
      file.drain();
    }

    @Override
    public void sync(MappedFile file) {
      // The commit protocol flushed every store; waiting for those flushes is all that is left.
      file.drain();
    }

    @Override
    public String describe() {
      return forcedPmem ? "FORCED pmem: cache-line flush calls on a normal mapping (msync)"
          : "MAP_SYNC mapping, CLWB of the dirty lines + fence per commit";
    }
  }
}
