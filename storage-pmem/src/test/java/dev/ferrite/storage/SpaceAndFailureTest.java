package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Space is reclaimed; a failed sync puts the store in its sticky panic state. */
class SpaceAndFailureTest {
  @TempDir
  Path dir;

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  @Test
  void repeatedUpdatesDoNotGrowTheFileWithoutBound() {
    Random random = new Random(11);
    try (Store store = Store.open(dir.resolve("churn.db"), StoreOptions.defaults())) {
      long pagesAfterWarmup = 0;
      for (int round = 0; round < 20_000; round++) {
        try (WriteTransaction txn = store.beginWrite()) {
          Tree tree = txn.openOrCreateTree("t");
          for (int i = 0; i < 3; i++) {
            byte[] value = new byte[random.nextInt(random.nextInt(10) == 0 ? 9000 : 200)];
            tree.put(key(random.nextInt(2000)), value);
          }
          if (random.nextInt(5) == 0) {
            tree.delete(key(random.nextInt(2000)));
          }
          txn.commit();
        }
        if (round == 5_000) {
          pagesAfterWarmup = store.pageCount();
        }
      }
      long pagesAtEnd = store.pageCount();
      System.out.printf("space: %d pages after 5,000 commits, %d after 20,000%n",
          pagesAfterWarmup, pagesAtEnd);
      assertTrue(pagesAtEnd < pagesAfterWarmup * 1.3,
          "file kept growing: " + pagesAfterWarmup + " -> " + pagesAtEnd + " pages");
      IntegrityReport report = store.verify();
      assertTrue(report.healthy(), report.problems().toString());
    }
  }

  @Test
  void pagesVisibleToAPinnedReaderAreNotReusedUntilItCloses() {
    try (Store store = Store.open(dir.resolve("pinned.db"), StoreOptions.defaults())) {
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.createTree("t");
        for (int i = 0; i < 1000; i++) {
          tree.put(key(i), new byte[100]);
        }
        txn.commit();
      }
      ReadTransaction old = store.beginRead();
      byte[] before = old.tree("t").get(key(500));
      for (int round = 0; round < 200; round++) {
        try (WriteTransaction txn = store.beginWrite()) {
          for (int i = 0; i < 1000; i += 50) {
            txn.tree("t").put(key(i + round % 50), new byte[] {(byte) round});
          }
          txn.commit();
        }
      }
      long grownWhilePinned = store.pageCount();
      Cursor cursor = old.tree("t").cursor();
      int n = 0;
      for (boolean more = cursor.first(); more; more = cursor.next()) {
        assertEquals(100, cursor.value().length, "the old snapshot still reads its own values");
        n++;
      }
      assertEquals(1000, n);
      assertArrayEquals(before, old.tree("t").get(key(500)));
      old.close();
      for (int round = 0; round < 200; round++) {
        try (WriteTransaction txn = store.beginWrite()) {
          txn.tree("t").put(key(round), new byte[] {1});
          txn.commit();
        }
      }
      assertTrue(store.pageCount() <= grownWhilePinned + 8,
          "pages freed while pinned were reused after the reader closed");
      assertTrue(store.verify().healthy());
    }
  }

  /**
   * Dropping large trees while a reader pins the free pages of later commits: the free list's
   * key-0 entry grows past a page, and each of {@code PageAllocator.persist}'s rounds rewrote it
   * with its own overflow page moving in and out of the list it holds, until the commit failed
   * with "free-list update did not settle after 64 rounds". Every state must stay exact.
   */
  @Test
  void aLargeFreeWhileAReaderPinsEveryFreePageKeepsTheFreeListExact() {
    try (Store store = Store.open(dir.resolve("pinned-drop.db"), StoreOptions.defaults())) {
      for (int t = 0; t < 4; t++) {
        try (WriteTransaction txn = store.beginWrite()) {
          Tree tree = txn.createTree("t" + t);
          for (int i = 0; i < 100_000; i++) {
            tree.append(key(i), new byte[60]);
          }
          txn.commit();
        }
      }
      for (int t = 0; t < 3; t++) {
        ReadTransaction pin = store.beginRead();
        for (int round = 0; round < 30; round++) {
          try (WriteTransaction txn = store.beginWrite()) {
            txn.tree("t3").put(key(round * 613 % 100_000), new byte[] {(byte) round});
            txn.commit();
          }
        }
        try (WriteTransaction txn = store.beginWrite()) {
          assertTrue(txn.dropTree("t" + t));
          txn.commit();
        }
        IntegrityReport report = store.verify();
        assertTrue(report.healthy(), "after dropping t" + t + ": " + report.problems());
        pin.close();
        for (int round = 0; round < 30; round++) {
          try (WriteTransaction txn = store.beginWrite()) {
            txn.tree("t3").put(key(round * 617 % 100_000), new byte[] {(byte) round});
            txn.commit();
          }
        }
        report = store.verify();
        assertTrue(report.healthy(), "after reusing t" + t + "'s pages: " + report.problems());
      }
    }
  }

  @Test
  void failedSyncIsStickyAndNothingAcknowledgedIsLost() {
    dev.ferrite.storage.crash.FailingSync.run(dir);
  }

  @Test
  void spilledBulkLoadLargerThanTheDirtyLimitCommitsAndReopens() {
    Path file = dir.resolve("spill.db");
    StoreOptions options = StoreOptions.defaults().withMaxDirtyPages(64);
    try (Store store = Store.open(file, options); WriteTransaction txn = store.beginWrite()) {
      Tree tree = txn.createTree("t");
      for (int i = 0; i < 100_000; i++) {
        tree.put(key(i * 7 % 100_000), key(i));
      }
      txn.commit();
    }
    try (Store store = Store.open(file, options)) {
      try (ReadTransaction txn = store.beginRead()) {
        assertEquals(100_000, txn.tree("t").entries());
        assertNotNull(txn.tree("t").get(key(99_999)));
      }
      IntegrityReport report = store.verify();
      assertTrue(report.healthy(), report.problems().toString());
    }
  }

  @Test
  void readOnlyStoreRefusesWrites() {
    Path file = dir.resolve("ro.db");
    Store.open(file, StoreOptions.defaults()).close();
    try (Store store = Store.open(file, StoreOptions.defaults().withReadOnly(true))) {
      try (ReadTransaction txn = store.beginRead()) {
        assertEquals(0, txn.treeNames().size());
      }
      StorageException e = assertThrows(StorageException.class, () -> {
        try (WriteTransaction txn = store.beginWrite()) {
          txn.createTree("t");
          txn.commit();
        }
      });
      assertEquals(StorageErrorCode.MISUSE, e.code());
    }
  }
}
