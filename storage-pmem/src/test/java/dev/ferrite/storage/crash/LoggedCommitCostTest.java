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

  @Test
  void aSmallCommitIsOneDurableWriteAndNoSync() {
    SimulatedRegion region = new SimulatedRegion(Granularity.PAGE);
    StoreOptions options = StoreOptions.defaults().withLogBytes(256 * 4096);
    try (Store store = Store.open(region, options)) {
      commitOne(store, -1);
      long syncs = region.syncs();
      long writes = region.durableWrites();
      for (int i = 0; i < 20; i++) {
        commitOne(store, i);
      }
      assertEquals(0, region.syncs() - syncs, "whole-file syncs during 20 small commits");
      assertEquals(20, region.durableWrites() - writes, "durable writes for 20 small commits");
    }
  }

  @Test
  void aFullRingIsEmptiedByACheckpointOfTwoSyncs() {
    SimulatedRegion region = new SimulatedRegion(Granularity.PAGE);
    StoreOptions options = StoreOptions.defaults().withLogBytes(32 * 4096);
    try (Store store = Store.open(region, options)) {
      commitOne(store, -1);
      long syncs = region.syncs();
      long writes = region.durableWrites();
      for (int i = 0; i < 200; i++) {
        commitOne(store, i);
      }
      long checkpointSyncs = region.syncs() - syncs;
      long logged = region.durableWrites() - writes;
      assertTrue(checkpointSyncs > 0 && checkpointSyncs % 2 == 0, "syncs " + checkpointSyncs);
      assertEquals(200, logged + checkpointSyncs / 2, "each commit is logged or a checkpoint");
      assertTrue(logged > 150, "most commits go to the log: " + logged);
    }
  }
}
