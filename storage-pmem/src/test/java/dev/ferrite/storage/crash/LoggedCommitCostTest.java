package dev.ferrite.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.region.Granularity;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

/**
 * What a logged commit costs in durability operations, counted on the simulated persistence
 * domain: one range-durable write and no whole-file sync per small commit, and a checkpoint (two
 * syncs) only when the ring is full.
 */
class LoggedCommitCostTest {
  private static void commitOne(Store store, int i) {
    try (WriteTransaction txn = store.beginWrite()) {
      txn.openOrCreateTree("t").put(ByteBuffer.allocate(4).putInt(i).array(), new byte[100]);
      txn.commit();
    }
  }

  /**
   * Makes {@code commits} one-row commits on a fresh simulated store with a ring of
   * {@code logPages} pages (after one to create the tree); returns the whole-file syncs and the
   * durable writes they took.
   */
  private static long[] syncsAndDurableWrites(int logPages, int commits) {
    SimulatedRegion region = new SimulatedRegion(Granularity.PAGE);
    StoreOptions options = StoreOptions.defaults().withLogBytes(logPages * 4096L);
    try (Store store = Store.open(region, options)) {
      commitOne(store, -1);
      long syncs = region.syncs();
      long writes = region.durableWrites();
      for (int i = 0; i < commits; i++) {
        commitOne(store, i);
      }
      return new long[] {region.syncs() - syncs, region.durableWrites() - writes};
    }
  }

  @Test
  void aSmallCommitIsOneDurableWriteAndNoSync() {
    long[] counts = syncsAndDurableWrites(256, 20);
    assertEquals(0, counts[0], "whole-file syncs during 20 small commits");
    assertEquals(20, counts[1], "durable writes for 20 small commits");
  }

  @Test
  void aFullRingIsEmptiedByACheckpointOfTwoSyncs() {
    long[] counts = syncsAndDurableWrites(32, 200);
    long checkpointSyncs = counts[0];
    long logged = counts[1];
    assertTrue(checkpointSyncs > 0 && checkpointSyncs % 2 == 0, "syncs " + checkpointSyncs);
    assertEquals(200, logged + checkpointSyncs / 2, "each commit is logged or a checkpoint");
    assertTrue(logged > 150, "most commits go to the log: " + logged);
  }
}
