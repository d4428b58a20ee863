package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A database larger than one 2 GiB mapping: values spread over many 1 GiB chunks read back
 * byte-exact after reopening, and page numbers beyond 2^19 address correctly.
 */
class LargeFileTest {
  @TempDir
  Path dir;

  @Test
  void databaseLargerThanTwoGibibytes() {
    Path file = dir.resolve("large.db");
    int values = 2300;
    int size = 1 << 20;
    try (Store store = Store.open(file, StoreOptions.defaults().withMaxDirtyPages(4096))) {
      for (int batch = 0; batch < values; batch += 100) {
        try (WriteTransaction txn = store.beginWrite()) {
          Tree tree = txn.openOrCreateTree("big");
          for (int i = batch; i < batch + 100 && i < values; i++) {
            tree.append(ByteBuffer.allocate(4).putInt(i).array(), valueFor(i, size));
          }
          txn.commit();
        }
      }
      assertTrue(store.fileLength() > (2L << 30) + (100L << 20), "file is " + store.fileLength());
    }
    try (Store store = Store.open(file, StoreOptions.defaults().withCreate(false));
        ReadTransaction txn = store.beginRead()) {
      Tree tree = txn.tree("big");
      assertEquals(values, tree.entries());
      for (int i : new int[] {0, 1, 1023, 1024, 2047, 2048, values - 1}) {
        assertArrayEquals(valueFor(i, size), tree.get(ByteBuffer.allocate(4).putInt(i).array()),
            "value " + i);
      }
    }
  }

  private static byte[] valueFor(int i, int size) {
    byte[] value = new byte[size];
    new Random(i).nextBytes(value);
    return value;
  }
}
