package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A write transaction reuses the heap buffers of spilled pages for new dirty pages. With a tiny
 * dirty limit every buffer is spilled and reused many times over; a buffer reused while its old
 * page still needed it would show up here as a wrong value or a damaged page.
 */
class SpillReuseTest {
  @TempDir
  Path dir;

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  private static byte[] value(int i, int version, int length) {
    ByteBuffer value = ByteBuffer.allocate(length);
    value.putInt(i).putInt(version);
    return value.array();
  }

  @Test
  void appendsAndRewritesOfSpilledPagesKeepEveryValue() {
    Random random = new Random(5);
    TreeMap<Integer, byte[]> model = new TreeMap<>();
    Path file = dir.resolve("spill.db");
    StoreOptions options = StoreOptions.defaults().withMaxDirtyPages(8);
    try (Store store = Store.open(file, options)) {
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.openOrCreateTree("t");
        for (int i = 0; i < 20_000; i++) {
          byte[] v = value(i, 0, 60 + random.nextInt(80));
          tree.append(key(i), v);
          model.put(i, v);
          if (i % 7 == 0) {
            // Rewrite an earlier key: its page was most likely spilled and is touched again.
            int k = random.nextInt(i + 1);
            byte[] w = value(k, i, 20 + random.nextInt(150));
            tree.put(key(k), w);
            model.put(k, w);
          }
          if (i % 1_000 == 999) {
            int k = random.nextInt(i + 1);
            assertArrayEquals(model.get(k), tree.get(key(k)), "key " + k + " inside the txn");
          }
        }
        check(model, tree);
        txn.commit();
      }
      assertTrue(store.verify().healthy(), store.verify().problems().toString());
    }
    try (Store store = Store.open(file, options); ReadTransaction txn = store.beginRead()) {
      check(model, txn.tree("t"));
    }
  }

  private static void check(TreeMap<Integer, byte[]> model, Tree tree) {
    for (Map.Entry<Integer, byte[]> e : model.entrySet()) {
      assertArrayEquals(e.getValue(), tree.get(key(e.getKey())), "key " + e.getKey());
    }
  }
}
