package dev.ferrite.storage.durability;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * Chooses the backend for a database file: the force switch wins (testing, like PMDK's
 * {@code PMEM2_FORCE_GRANULARITY}), then explicit configuration, then the probe.
 *
 * <p>System properties (testing and diagnosis only; never defaults):
 * <ul>
 *   <li>{@code ferrite.durability.force=<kind>}: use this backend whatever was configured.
 *   <li>{@code ferrite.pmem.force=true}: let {@code dax} and {@code fence} run on a file that
 *       cannot be mapped with MAP_SYNC (PMDK's {@code PMEM_IS_PMEM_FORCE}); the file is mapped
 *       normally, so the result is NOT durable against power failure.
 * </ul>
 */
public final class DurabilitySelector {
  /** The outcome: the backend, whether pmem was forced, and the probe that informed it. */
  public record Selection(DurabilityBackend backend, boolean forcedPmem, ProbeResult probe,
      String reason) {
    /** A report of the choice and its evidence. */
    public String report() {
      return "backend: " + backend.kind().label() + (forcedPmem ? " (FORCED pmem)" : "") + "\n"
          + "why: " + reason + "\n"
          + "guarantee: " + backend.guarantee() + "\n"
          + "commit: " + backend.writePath(forcedPmem).describe() + "\n"
          + probe.report();
    }
  }

  private static final Map<Durability, DurabilityBackend> BACKENDS = load();

  private DurabilitySelector() {}

  private static Map<Durability, DurabilityBackend> load() {
    Map<Durability, DurabilityBackend> backends = new EnumMap<>(Durability.class);
    for (DurabilityBackend backend : ServiceLoader.load(DurabilityBackend.class,
        DurabilitySelector.class.getClassLoader())) {
      backends.putIfAbsent(backend.kind(), backend);
    }
    return backends;
  }

  /** Returns the backend registered for {@code kind}. */
  public static DurabilityBackend backend(Durability kind) {
    DurabilityBackend backend = BACKENDS.get(kind);
    if (backend == null) {
      throw new StorageException(StorageErrorCode.MISUSE, "no durability backend '"
          + kind.label() + "' is installed");
    }
    return backend;
  }

  /**
   * Chooses the backend for a database file in {@code directory}.
   *
   * @throws StorageException MISUSE if {@code dax} or {@code fence} was requested where
   *     MAP_SYNC is refused (unless pmem is forced)
   */
  public static Selection select(Durability configured, Path directory) {
    return select(configured, PersistenceProbe.probe(directory));
  }

  /**
   * For a read-only open, which never writes: the file is mapped read-only whatever the backend,
   * so no probe runs (it would write a scratch file beside the database).
   */
  public static Selection readOnly() {
    ProbeResult notProbed = new ProbeResult(Durability.PAGE, false, "not probed (read-only open)",
        List.of(), "not probed", "not probed", "read-only open: nothing is written");
    return new Selection(backend(Durability.PAGE), false, notProbed, "read-only open");
  }

  private static Selection select(Durability configured, ProbeResult probe) {
    String forced = System.getProperty("ferrite.durability.force");
    boolean forcedPmem = Boolean.getBoolean("ferrite.pmem.force");
    if (forced != null && !forced.isBlank()) {
      Durability kind = Durability.parse(forced);
      return new Selection(backend(kind), forcedPmem && needsPmem(kind), probe,
          "forced by -Dferrite.durability.force=" + forced);
    }
    if (configured == Durability.AUTO) {
      return new Selection(backend(probe.chosen()), false, probe, "auto: " + probe.reason());
    }
    if (needsPmem(configured) && !probe.mapSync() && !forcedPmem) {
      throw new StorageException(StorageErrorCode.MISUSE, "durability=" + configured.label()
          + " needs a file system that supports MAP_SYNC (DAX on persistent memory), but here"
          + " MAP_SYNC was " + probe.mapSyncEvidence() + "; use durability=page or auto");
    }
    return new Selection(backend(configured), forcedPmem && needsPmem(configured), probe,
        "configured durability=" + configured.label());
  }

  private static boolean needsPmem(Durability kind) {
    return kind == Durability.DAX || kind == Durability.FENCE;
  }
}
