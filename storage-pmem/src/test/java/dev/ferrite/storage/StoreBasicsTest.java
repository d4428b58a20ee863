package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The storage API on real files: what a user of {@link Store} relies on. */
class StoreBasicsTest {
  @TempDir
  Path dir;

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  @Test
  void committedDataSurvivesReopen() {
    Path file = dir.resolve("a.db");
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.createTree("people");
        assertTrue(tree.put(bytes("ada"), bytes("lovelace")));
        assertFalse(tree.put(bytes("ada"), bytes("byron")));
        tree.put(bytes("alan"), bytes("turing"));
        txn.commit();
      }
    }
    try (Store store = Store.open(file, StoreOptions.defaults().withCreate(false));
        ReadTransaction txn = store.beginRead()) {
      Tree tree = txn.tree("people");
      assertEquals(2, tree.entries());
      assertArrayEquals(bytes("byron"), tree.get(bytes("ada")));
      assertArrayEquals(bytes("turing"), tree.get(bytes("alan")));
      assertNull(tree.get(bytes("grace")));
      assertEquals(List.of("people"), txn.treeNames());
    }
  }

  @Test
  void abortAndUncommittedCloseDiscardEverything() {
    try (Store store = Store.open(dir.resolve("b.db"), StoreOptions.defaults())) {
      try (WriteTransaction txn = store.beginWrite()) {
        txn.createTree("t").put(key(1), key(1));
        txn.commit();
      }
      try (WriteTransaction txn = store.beginWrite()) {
        txn.tree("t").put(key(2), key(2));
        txn.tree("t").delete(key(1));
        txn.createTree("u");
        txn.abort();
      }
      try (WriteTransaction txn = store.beginWrite()) {
        txn.tree("t").put(key(3), key(3));
        // closed without commit
      }
      try (ReadTransaction txn = store.beginRead()) {
        assertEquals(List.of("t"), txn.treeNames());
        assertArrayEquals(key(1), txn.tree("t").get(key(1)));
        assertNull(txn.tree("t").get(key(2)));
        assertNull(txn.tree("t").get(key(3)));
      }
      assertTrue(store.verify().healthy());
    }
  }

  @Test
  void valuesOfAnyLengthAndKeysUpToTheLimit() {
    Random random = new Random(7);
    try (Store store = Store.open(dir.resolve("c.db"), StoreOptions.defaults())) {
      int maxKey = store.maxKeyLength();
      assertTrue(maxKey >= 1024, "keys of at least 1 KiB");
      byte[] bigKey = new byte[maxKey];
      random.nextBytes(bigKey);
      byte[] huge = new byte[3 << 20];
      random.nextBytes(huge);
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.createTree("blobs");
        tree.put(bigKey, huge);
        tree.put(key(0), new byte[0]);
        StorageException tooLong = assertThrows(StorageException.class,
            () -> tree.put(new byte[maxKey + 1], key(1)));
        assertEquals(StorageErrorCode.MISUSE, tooLong.code());
        txn.commit();
      }
      try (ReadTransaction txn = store.beginRead()) {
        assertArrayEquals(huge, txn.tree("blobs").get(bigKey));
        assertArrayEquals(new byte[0], txn.tree("blobs").get(key(0)));
      }
      try (WriteTransaction txn = store.beginWrite()) {
        assertTrue(txn.tree("blobs").delete(bigKey));
        txn.commit();
      }
      IntegrityReport report = store.verify();
      assertTrue(report.healthy(), report.problems().toString());
      assertTrue(report.freePages() >= (3 << 20) / store.pageSize(), "overflow pages were freed");
    }
  }

  @Test
  void cursorsScanRangesBothWays() {
    try (Store store = Store.open(dir.resolve("d.db"), StoreOptions.defaults());
        WriteTransaction txn = store.beginWrite()) {
      Tree tree = txn.createTree("t");
      for (int i = 0; i < 10_000; i += 2) {
        tree.put(key(i), key(i * 3));
      }
      Cursor cursor = tree.cursor();
      assertTrue(cursor.seek(key(101)));
      assertArrayEquals(key(102), cursor.key());
      assertEquals(ByteBuffer.wrap(key(102)), cursor.keyView());
      assertEquals(ByteBuffer.wrap(key(306)), cursor.valueView());
      assertTrue(cursor.valueView().isReadOnly());
      List<Integer> forward = new ArrayList<>();
      for (boolean more = true; more && cursor.compareKey(key(110)) < 0; more = cursor.next()) {
        forward.add(ByteBuffer.wrap(cursor.key()).getInt());
      }
      assertEquals(List.of(102, 104, 106, 108), forward);
      assertTrue(cursor.last());
      assertArrayEquals(key(9998), cursor.key());
      assertTrue(cursor.prev());
      assertArrayEquals(key(9996), cursor.key());
      assertFalse(cursor.seek(key(20_000)));
      assertTrue(cursor.first());
      assertFalse(cursor.prev());
    }
  }

  @Test
  void cursorInWriteTransactionSurvivesChangesUnderIt() {
    try (Store store = Store.open(dir.resolve("e.db"), StoreOptions.defaults());
        WriteTransaction txn = store.beginWrite()) {
      Tree tree = txn.createTree("t");
      for (int i = 0; i < 3000; i++) {
        tree.put(key(i), new byte[50]);
      }
      Cursor cursor = tree.cursor();
      int seen = 0;
      for (boolean more = cursor.first(); more; more = cursor.next()) {
        int k = ByteBuffer.wrap(cursor.key()).getInt();
        assertEquals(seen, k, "every key once, in order, while deleting behind the cursor");
        tree.delete(key(k));
        seen++;
      }
      assertEquals(3000, seen);
      assertEquals(0, tree.entries());
    }
  }

  @Test
  void bulkAppendFillsPagesAndRejectsOutOfOrderKeys() {
    try (Store store = Store.open(dir.resolve("f.db"), StoreOptions.defaults())) {
      long appendPages;
      long putPages;
      try (WriteTransaction txn = store.beginWrite()) {
        Tree appended = txn.createTree("appended");
        Tree put = txn.createTree("put");
        List<Integer> shuffled = new ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
          appended.append(key(i), new byte[20]);
          shuffled.add(i);
        }
        java.util.Collections.shuffle(shuffled, new Random(3));
        for (int i : shuffled) {
          put.put(key(i), new byte[20]);
        }
        StorageException e = assertThrows(StorageException.class,
            () -> appended.append(key(5), new byte[1]));
        assertEquals(StorageErrorCode.MISUSE, e.code());
        txn.commit();
      }
      try (WriteTransaction txn = store.beginWrite()) {
        txn.dropTree("put");
        txn.commit();
      }
      IntegrityReport afterDrop = store.verify();
      try (ReadTransaction txn = store.beginRead()) {
        assertEquals(50_000, txn.tree("appended").entries());
      }
      appendPages = afterDrop.treePages();
      putPages = afterDrop.freePages();
      assertTrue(afterDrop.healthy(), afterDrop.problems().toString());
      assertTrue(appendPages < putPages * 0.75,
          "append pages " + appendPages + " vs random-split pages " + putPages);
    }
  }

  @Test
  void misuseIsReportedClearly() {
    try (Store store = Store.open(dir.resolve("g.db"), StoreOptions.defaults())) {
      try (WriteTransaction txn = store.beginWrite()) {
        txn.createTree("t");
        assertEquals(StorageErrorCode.MISUSE,
            assertThrows(StorageException.class, () -> txn.createTree("t")).code());
        txn.commit();
      }
      try (ReadTransaction txn = store.beginRead()) {
        Tree tree = txn.tree("t");
        assertEquals(StorageErrorCode.MISUSE,
            assertThrows(StorageException.class, () -> tree.put(key(1), key(1))).code());
        assertEquals(StorageErrorCode.MISUSE,
            assertThrows(StorageException.class, () -> txn.tree("missing")).code());
      }
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.tree("t");
        txn.dropTree("t");
        assertEquals(StorageErrorCode.MISUSE,
            assertThrows(StorageException.class, () -> tree.put(key(1), key(1))).code());
      }
      WriteTransaction txn = store.beginWrite();
      txn.commit();
      assertEquals(StorageErrorCode.CLOSED,
          assertThrows(StorageException.class, () -> txn.tree("t")).code());
    }
  }
}
