package dev.ferrite.storage.durability.none;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilityBackend;
import dev.ferrite.storage.durability.page.PageBackend;
import dev.ferrite.storage.region.WritePath;

/**
 * Explicitly non-durable: pages are written with pwrite and never synced. A killed process loses
 * nothing that was committed (the kernel's page cache outlives it). A power failure or kernel
 * crash can lose recent commits and, because the page cache writes pages back in any order, can
 * leave older page versions under a newer meta page: corruption that checksums do not always
 * catch (LMDB's MDB_NOSYNC has the same caveat). For tests and rebuildable bulk loads only.
 */
public final class NoSyncBackend implements DurabilityBackend {
  @Override
  public Durability kind() {
    return Durability.NONE;
  }

  @Override
  public WritePath writePath(boolean forcedPmem) {
    return new PageBackend.PwritePath(false);
  }

  @Override
  public String guarantee() {
    return "NOT DURABLE: commits survive a process crash; a power failure may lose or corrupt data";
  }
}
