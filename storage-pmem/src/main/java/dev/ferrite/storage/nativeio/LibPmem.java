package dev.ferrite.storage.nativeio;

/**
 * The parts of PMDK's libpmem (Debian package {@code libpmem1}) the dax backend uses. Addresses
 * are passed as 64-bit integers.
 */
public interface LibPmem {
  /** CLWB (else CLFLUSHOPT, else CLFLUSH) of every cache line in the range; no fence. */
  void pmem_flush(long address, long length);

  /** Waits until flushed lines are durable (SFENCE). */
  void pmem_drain();

  /** 1 if the platform flushes CPU caches on power loss (eADR), 0 if not, -1 if unknown. */
  int pmem_has_auto_flush();
}
