package dev.ferrite.storage.faults;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.ferrite.storage.Cursor;
import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.region.FileRegion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Coverage-guided fuzzing of the file format: any bytes, written as a database file, must open
 * and be read, verified and written to, or fail with a {@link StorageException}; any other
 * exception, an error, a hang or a crash of the JVM is a finding. So is a commit that leaves a
 * file damaged when verify found it healthy before: writes must not spread what checks missed.
 *
 * <p>The first input byte chooses what happens: bit 0 reseals every page's checksum after the
 * fuzzer's mutation (a crafted file rather than a damaged one, so the structure checks behind
 * the checksums are reached), bit 1 also runs a write transaction. The rest is the file.
 *
 * <p>In a normal test run Jazzer replays the saved corpus in {@code StoreFileFuzzTestInputs}
 * (valid and crafted databases, past findings); with {@code JAZZER_FUZZ=1} it fuzzes, see
 * docs/fault-testing.md.
 */
class StoreFileFuzzTest {
  private static final StoreOptions OPTIONS = StoreOptions.defaults().withMaxDirtyPages(8);

  @FuzzTest(maxDuration = "2m")
  void anyFileOpensOrFailsWithAStorageException(byte[] input) throws IOException {
    if (input.length == 0) {
      return;
    }
    byte[] image = Arrays.copyOfRange(input, 1, input.length);
    if ((input[0] & 1) != 0) {
      PageSeals.reseal(image);
    }
    Path file = ScratchFiles.file("fuzz.db");
    Files.write(file, image);
    try {
      exercise(file, (input[0] & 2) != 0);
    } catch (StorageException expected) {
      // The one acceptable failure: a typed storage error naming the problem.
    } finally {
      Files.deleteIfExists(file);
    }
  }

  private static void exercise(Path file, boolean write) {
    FileRegion region = FileRegion.open(file, false, false, OPTIONS.chunkShift(),
        DurabilitySelector.backend(Durability.PAGE).writePath(false));
    try (Store store = Store.open(region, OPTIONS)) {
      List<String> names = readEverything(store);
      boolean healthy = store.verify().healthy();
      if (write) {
        writeToEveryTree(store, names);
        List<String> problems = store.verify().problems();
        if (healthy && !problems.isEmpty()) {
          throw new AssertionError("a commit damaged a file that verify found healthy: "
              + problems);
        }
      }
    } finally {
      region.close();
    }
  }

  private static List<String> readEverything(Store store) {
    try (ReadTransaction txn = store.beginRead()) {
      List<String> names = txn.treeNames();
      for (String name : names) {
        Tree tree = txn.tree(name);
        tree.entries();
        Cursor cursor = tree.cursor();
        for (boolean more = cursor.first(); more; more = cursor.next()) {
          tree.get(cursor.key());
          cursor.value();
        }
      }
      return names;
    }
  }

  private static void writeToEveryTree(Store store, List<String> names) {
    try (WriteTransaction txn = store.beginWrite()) {
      for (String name : names) {
        Tree tree = txn.tree(name);
        tree.put(new byte[] {0}, new byte[] {0});
        tree.put(new byte[] {1}, new byte[9000]);
        tree.put(new byte[] {2}, new byte[] {2});
        tree.delete(new byte[] {1});
        Cursor cursor = tree.cursor();
        if (cursor.first()) {
          tree.delete(cursor.key());
        }
      }
      txn.openOrCreateTree("fuzz").put(new byte[] {3}, new byte[] {3});
      if (!names.isEmpty()) {
        txn.dropTree(names.get(0));
      }
      txn.commit();
    }
  }
}
