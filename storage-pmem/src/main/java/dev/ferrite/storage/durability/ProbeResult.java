package dev.ferrite.storage.durability;

import java.util.List;

/**
 * What {@link PersistenceProbe} found about where a directory's persistence boundary lies, and
 * the backend it chose.
 *
 * @param chosen the backend {@code auto} picks
 * @param mapSync whether a {@code MAP_SYNC} mapping of a scratch file succeeded (proof that CPU
 *     cache-line flushes reach the persistence domain, for data and the metadata to find it)
 * @param mapSyncEvidence the outcome as reported by the JDK ("supported" or the error)
 * @param persistenceDomains {@code persistence_domain} of every libnvdimm region, in order
 * @param statxDax the {@code STATX_ATTR_DAX} attribute of a file there (corroboration only)
 * @param mount the file system type and mount options of the directory (corroboration only)
 * @param reason one sentence explaining the choice
 */
public record ProbeResult(Durability chosen, boolean mapSync, String mapSyncEvidence,
    List<String> persistenceDomains, String statxDax, String mount, String reason) {

  /** A multi-line report for logs, {@code ferrite probe} and the database's durability record. */
  public String report() {
    return "durability: " + chosen.label() + "\n"
        + "reason: " + reason + "\n"
        + "MAP_SYNC: " + mapSyncEvidence + "\n"
        + "persistence_domain: " + (persistenceDomains.isEmpty() ? "(no nd regions)"
            : String.join(", ", persistenceDomains)) + "\n"
        + "statx DAX attribute: " + statxDax + "\n"
        + "mount: " + mount;
  }
}
