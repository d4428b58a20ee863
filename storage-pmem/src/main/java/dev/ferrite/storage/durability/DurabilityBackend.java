package dev.ferrite.storage.durability;

import dev.ferrite.storage.region.WritePath;

/**
 * A durability backend, discovered with {@link java.util.ServiceLoader} from
 * {@code META-INF/services/dev.ferrite.storage.durability.DurabilityBackend}: one per
 * {@link Durability} kind, each in its own package.
 */
public interface DurabilityBackend {
  /** Which kind this backend implements. */
  Durability kind();

  /**
   * Creates the write path for one open file.
   *
   * @param forcedPmem map normally instead of with MAP_SYNC (testing switch; not durable)
   */
  WritePath writePath(boolean forcedPmem);

  /** What a crash leaves after a commit returned: for users, logs and {@code ferrite probe}. */
  String guarantee();
}
