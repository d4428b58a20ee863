package dev.ferrite.storage.durability;

import java.util.Locale;

/** Where a commit is made durable; {@link #AUTO} asks {@link PersistenceProbe}. */
public enum Durability {
  /** Probe the platform and pick the cheapest backend that is still durable. The default. */
  AUTO,
  /** Page cache: pwrite the dirty pages, one fdatasync per commit. Works everywhere. */
  PAGE,
  /** Stores through a shared mapping, msync(MS_SYNC) of the dirty ranges per commit. */
  MSYNC,
  /** DAX file with MAP_SYNC on an ADR platform: cache-line write-back of the dirty lines + fence. */
  DAX,
  /** DAX file with MAP_SYNC on an eADR platform (CPU caches are persistent): ordering fence only. */
  FENCE,
  /** No sync at all: survives a process crash (the page cache does), not a power failure. */
  NONE;

  /** Parses a configuration value such as {@code "dax"}; throws IllegalArgumentException. */
  public static Durability parse(String value) {
    try {
      return valueOf(value.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown durability '" + value
          + "'; expected one of auto, page, msync, dax, fence, none", e);
    }
  }

  /** The lower-case name used in URLs and reports. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
