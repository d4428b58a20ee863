package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Random operations on a real database file checked against a {@link TreeMap} model (H2's
 * TestRandomMapOps idea): puts, deletes, appends, point reads, forward and backward range scans,
 * commits, aborts and reopens. {@code -Dferrite.model.ops} sets the count (CI: 1,000,000).
 */
class ModelTest {
  private static final long OPS = Long.getLong("ferrite.model.ops", 1_000_000);

  @TempDir
  Path dir;

  private static TreeMap<byte[], byte[]> newModel() {
    return new TreeMap<>(Arrays::compareUnsigned);
  }

  @Test
  void randomOperationsMatchTreeMap() throws java.io.IOException {
    Random random = new Random(20261125);
    // tmpfs when available: a real mapped file whose fdatasync costs microseconds, so the
    // million operations test the engine rather than the disk.
    Path shm = Path.of("/dev/shm");
    Path file = (java.nio.file.Files.isWritable(shm) ? shm : dir)
        .resolve("ferrite-model-" + ProcessHandle.current().pid() + ".db");
    StoreOptions options = StoreOptions.defaults().withChunkShift(16).withMaxDirtyPages(200);
    TreeMap<byte[], byte[]> committed = newModel();
    TreeMap<byte[], byte[]> model = newModel();
    Store store = Store.open(file, options);
    WriteTransaction txn = store.beginWrite();
    Tree tree = txn.openOrCreateTree("t");
    long ops = 0;
    long commits = 0;
    long reopens = 0;
    long scans = 0;
    int keySpace = 2000;
    long appended = 0;
    while (ops < OPS) {
      int op = random.nextInt(1000);
      ops++;
      if (op < 380) {
        byte[] key = key(random, keySpace);
        byte[] value = value(random);
        tree.put(key, value);
        model.put(key, value);
      } else if (op < 450) {
        byte[] key = key(random, keySpace);
        byte[] value = value(random);
        assertEquals(model.putIfAbsent(key, value) == null, tree.insert(key, value));
      } else if (op < 700) {
        byte[] key = key(random, keySpace);
        assertEquals(model.remove(key) != null, tree.delete(key));
      } else if (op < 850) {
        byte[] key = key(random, keySpace);
        byte[] expected = model.get(key);
        byte[] actual = tree.get(key);
        if (expected == null) {
          assertNull(actual);
        } else {
          assertArrayEquals(expected, actual);
        }
      } else if (op < 900) {
        scans++;
        checkRange(tree, model, key(random, keySpace), random.nextInt(40), random.nextBoolean());
      } else if (op < 910) {
        byte[] key = ByteBuffer.allocate(9).put((byte) 0xFF).putLong(appended++).array();
        byte[] value = value(random);
        tree.append(key, value);
        model.put(key, value);
      } else if (op < 990) {
        assertEquals(model.size(), tree.entries());
        txn.commit();
        commits++;
        committed = copy(model);
        txn = store.beginWrite();
        tree = txn.tree("t");
        if (commits % Long.getLong("ferrite.model.verifyEvery", 500) == 0) {
          IntegrityReport report = store.verify();
          assertTrue(report.healthy(), report.problems().toString());
        }
      } else if (op < 997) {
        txn.abort();
        model = copy(committed);
        txn = store.beginWrite();
        tree = txn.tree("t");
      } else {
        txn.abort();
        model = copy(committed);
        store.close();
        reopens++;
        store = Store.open(file, options);
        assertSame(committed, store);
        txn = store.beginWrite();
        tree = txn.tree("t");
      }
      if (ops % 100_000 == 0) {
        keySpace = keySpace == 2000 ? 20_000 : 2000;
      }
    }
    txn.commit();
    assertSame(model, store);
    IntegrityReport report = store.verify();
    assertTrue(report.healthy(), report.problems().toString());
    store.close();
    java.nio.file.Files.deleteIfExists(file);
    System.out.printf("model test: %d operations, %d commits, %d reopens, %d range scans,"
        + " %d pages%n", ops, commits, reopens, scans, report.pageCount());
  }

  private static void checkRange(Tree tree, TreeMap<byte[], byte[]> model, byte[] from, int limit,
      boolean forward) {
    Cursor cursor = tree.cursor();
    NavigableMap<byte[], byte[]> expected = forward ? model.tailMap(from, true)
        : model.headMap(from, true).descendingMap();
    boolean positioned;
    if (forward) {
      positioned = cursor.seek(from);
    } else {
      positioned = cursor.seek(from);
      if (!positioned) {
        positioned = cursor.last();
      } else if (cursor.compareKey(from) > 0) {
        positioned = cursor.prev();
      }
    }
    int n = 0;
    for (Map.Entry<byte[], byte[]> entry : expected.entrySet()) {
      if (n++ >= limit) {
        return;
      }
      assertTrue(positioned, "cursor ended early");
      assertArrayEquals(entry.getKey(), cursor.key());
      assertArrayEquals(entry.getValue(), cursor.value());
      positioned = forward ? cursor.next() : cursor.prev();
    }
    if (n <= limit) {
      assertTrue(!positioned, "cursor returned more entries than the model");
    }
  }

  private static void assertSame(TreeMap<byte[], byte[]> model, Store store) {
    try (ReadTransaction read = store.beginRead()) {
      Tree tree = read.tree("t");
      assertEquals(model.size(), tree.entries());
      Cursor cursor = tree.cursor();
      boolean more = cursor.first();
      for (Map.Entry<byte[], byte[]> entry : model.entrySet()) {
        assertTrue(more);
        assertArrayEquals(entry.getKey(), cursor.key());
        assertArrayEquals(entry.getValue(), cursor.value());
        more = cursor.next();
      }
      assertTrue(!more);
    }
  }

  private static TreeMap<byte[], byte[]> copy(TreeMap<byte[], byte[]> model) {
    TreeMap<byte[], byte[]> copy = newModel();
    copy.putAll(model);
    return copy;
  }

  private static byte[] key(Random random, int keySpace) {
    int k = random.nextInt(keySpace);
    int length = 2 + (k % 23 == 0 ? 300 + k % 700 : k % 12);
    byte[] key = new byte[length];
    ByteBuffer.wrap(key).put((byte) (k >>> 8)).put((byte) k);
    for (int i = 2; i < length; i++) {
      key[i] = (byte) (k * 31 + i);
    }
    return key;
  }

  private static byte[] value(Random random) {
    int kind = random.nextInt(100);
    int length = kind < 90 ? random.nextInt(100) : kind < 98 ? random.nextInt(2000) : random.nextInt(20_000);
    byte[] value = new byte[length];
    random.nextBytes(value);
    return value;
  }
}
