package dev.ferrite.storage.region;

/**
 * The unit in which a region's stores reach the persistence domain, which decides the commit
 * protocol (libpmem2's PAGE / CACHE_LINE / BYTE granularity).
 */
public enum Granularity {
  /** Block storage behind a page cache: stores persist only at {@link Region#sync()}. */
  PAGE,
  /** Persistent memory, ADR: a store persists after {@link Region#flush} of its line and a fence. */
  CACHE_LINE,
  /** Persistent memory, eADR: CPU caches are in the power-fail domain; a fence orders stores. */
  BYTE
}
