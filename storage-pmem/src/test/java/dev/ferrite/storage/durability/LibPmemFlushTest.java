package dev.ferrite.storage.durability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.nativeio.NativeIo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The dax backend's real flush instructions: libpmem's CLWB/CLFLUSHOPT + SFENCE on a
 * {@code /dev/shm} mapping (forced pmem, since these machines have none). Skipped, saying why,
 * where libpmem is not installed; {@code .ci/run} installs Debian's libpmem1.
 */
class LibPmemFlushTest {
  private Path file;

  @AfterEach
  void cleanUp() throws IOException {
    System.clearProperty("ferrite.pmem.force");
    if (file != null) {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void daxCommitsRunLibpmemFlushesOnSharedMemory() {
    assumeTrue(NativeIo.pmem() != null, "SKIPPED: " + NativeIo.pmemProblem());
    assumeTrue(Files.isWritable(Path.of("/dev/shm")), "SKIPPED: no writable /dev/shm");
    System.setProperty("ferrite.pmem.force", "true");
    file = Path.of("/dev/shm", "ferrite-libpmem-" + ProcessHandle.current().pid() + ".db");
    StoreOptions options = StoreOptions.defaults().withDurability(Durability.DAX);
    try (Store store = Store.open(file, options)) {
      assertTrue(store.durability().report().contains("FORCED"), store.durability().report());
      for (int i = 0; i < 500; i++) {
        try (WriteTransaction txn = store.beginWrite()) {
          txn.openOrCreateTree("t").put(new byte[] {(byte) (i >> 8), (byte) i}, new byte[64]);
          txn.commit();
        }
      }
    }
    try (Store store = Store.open(file, options); ReadTransaction txn = store.beginRead()) {
      assertEquals(500, txn.tree("t").entries());
      assertTrue(store.verify().healthy());
    }
  }
}
