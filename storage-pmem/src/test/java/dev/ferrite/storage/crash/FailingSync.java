package dev.ferrite.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.region.Granularity;
import java.nio.file.Path;

/** Drives a sync failure through the simulator (shared by tests in other packages). */
public final class FailingSync {
  private FailingSync() {}

  /** A failed fdatasync: the commit fails, later writes are refused, reads go on, reopen is clean. */
  public static void run(Path unused) {
    SimulatedRegion region = new SimulatedRegion(Granularity.PAGE);
    Store store = Store.open(region, StoreOptions.defaults().withInitialSizeBytes(64 << 10));
    try (WriteTransaction txn = store.beginWrite()) {
      txn.createTree("t").put(new byte[] {1}, new byte[] {1});
      txn.commit();
    }
    region.failSyncAfter(0);
    StorageException failed = assertThrows(StorageException.class, () -> {
      try (WriteTransaction txn = store.beginWrite()) {
        txn.tree("t").put(new byte[] {2}, new byte[] {2});
        txn.commit();
      }
    });
    assertEquals(StorageErrorCode.PANIC, failed.code());
    assertNotNull(store.panicCause());
    StorageException refused = assertThrows(StorageException.class, store::beginWrite);
    assertEquals(StorageErrorCode.PANIC, refused.code());
    try (ReadTransaction txn = store.beginRead()) {
      assertEquals(1, txn.tree("t").entries());
    }
    store.close();
    try (Store reopened = Store.open(new SimulatedRegion(Granularity.PAGE, region.minimalImage()),
        StoreOptions.defaults()); ReadTransaction txn = reopened.beginRead()) {
      assertEquals(1, reopened.lastCommittedTxnId());
      assertEquals(1, txn.tree("t").entries());
    }
  }
}
