package dev.ferrite.storage.durability.fence;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilityBackend;
import dev.ferrite.storage.durability.SyncMappedPath;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.WritePath;

/**
 * Persistent memory on an eADR platform: the CPU caches are inside the power-fail domain
 * ({@code persistence_domain} = {@code cpu_cache} for every region), so a store through the
 * {@code MAP_SYNC} mapping is durable once it is globally visible. A commit needs only ordering:
 * a fence between the data and the meta record, and one after it.
 */
public final class FenceBackend implements DurabilityBackend {
  @Override
  public Durability kind() {
    return Durability.FENCE;
  }

  @Override
  public WritePath writePath(boolean forcedPmem) {
    return new FencePath(forcedPmem);
  }

  @Override
  public String guarantee() {
    return "a returned commit survives power failures: CPU caches are persistent (eADR)";
  }

  private static final class FencePath extends SyncMappedPath {
    FencePath(boolean forcedPmem) {
      super(forcedPmem);
    }

    @Override
    public Granularity granularity() {
      return Granularity.BYTE;
    }

    @Override
    public void flush(MappedFile file, long offset, int length) {
      // eADR: written-back or not, the line is already in the persistence domain.
    }

    @Override
    public void fence(MappedFile file) {
      // On x86 (TSO) stores already become visible in order; the fence also stops the JIT
      // from reordering the data stores after the meta record.
      file.orderStores();
    }

    @Override
    public void sync(MappedFile file) {
      file.orderStores();
    }

    @Override
    public String describe() {
      return forcedPmem ? "FORCED eADR: fences only on a normal mapping (not durable)"
          : "MAP_SYNC mapping on eADR, fences only";
    }
  }
}
