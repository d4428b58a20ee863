package dev.ferrite.storage.durability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Backends on real files, the probe's decisions and the durability record in the header. */
class DurabilityTest {
  @TempDir
  Path dir;

  @AfterEach
  void clearSwitches() {
    System.clearProperty("ferrite.durability.force");
    System.clearProperty("ferrite.pmem.force");
  }

  @Test
  void autoOnThisMachineChoosesPageWithEvidence() throws IOException {
    try (Store store = Store.open(dir.resolve("auto.db"), StoreOptions.defaults())) {
      DurabilitySelector.Selection selection = store.durability();
      ProbeResult probe = selection.probe();
      // These machines have no persistent memory: ext4 and tmpfs refuse MAP_SYNC.
      assertEquals(Durability.PAGE, probe.chosen(), probe.report());
      assertFalse(probe.mapSync());
      assertTrue(probe.mapSyncEvidence().contains("refused")
          || probe.mapSyncEvidence().contains("not supported"), probe.mapSyncEvidence());
      assertEquals(Durability.PAGE, selection.backend().kind());
      // statx is evidence only, read when MAP_SYNC works; ext4 and tmpfs report the attribute as
      // supported and not set (durability.md §2.2).
      assertEquals("(not checked: no MAP_SYNC)", probe.statxDax(), probe.report());
      assertEquals("not set", dev.ferrite.storage.nativeio.NativeIo.statxDax(dir.resolve("auto.db")));
      assertTrue(store.recordedDurability().startsWith("backend: page"),
          store.recordedDurability());
      assertNull(store.movedFrom());
    }
    try (var files = Files.list(dir)) {
      assertEquals(List.of("auto.db"), files.map(p -> p.getFileName().toString()).toList(),
          "the probe's scratch file is gone");
    }
  }

  @Test
  void readOnlyOpenDoesNotProbe() {
    Path file = dir.resolve("ro.db");
    Store.open(file, StoreOptions.defaults()).close();
    try (Store store = Store.open(file, StoreOptions.defaults().withReadOnly(true))) {
      assertEquals("read-only open", store.durability().reason());
      assertEquals("not probed (read-only open)", store.durability().probe().mapSyncEvidence());
      assertTrue(store.recordedDurability().startsWith("backend: page"),
          "the record of the last writable open is kept");
    }
  }

  @Test
  void decisionRule() {
    assertEquals(Durability.PAGE,
        PersistenceProbe.decide(false, "refused", List.of("cpu_cache"), "not set", "ext4").chosen());
    assertEquals(Durability.DAX,
        PersistenceProbe.decide(true, "supported", List.of(), "set", "xfs (dax)").chosen());
    assertEquals(Durability.DAX, PersistenceProbe.decide(true, "supported",
        List.of("cpu_cache", "memory_controller"), "set", "xfs").chosen());
    assertEquals(Durability.FENCE, PersistenceProbe.decide(true, "supported",
        List.of("cpu_cache", "cpu_cache"), "set", "xfs").chosen());
  }

  @Test
  void persistenceDomainsAreReadFromEveryRegion() throws IOException {
    Path devices = dir.resolve("devices");
    for (String region : new String[] {"region1", "region0", "namespace0.0"}) {
      Files.createDirectories(devices.resolve(region));
    }
    Files.writeString(devices.resolve("region0/persistence_domain"), "cpu_cache\n");
    Files.writeString(devices.resolve("region1/persistence_domain"), "memory_controller\n");
    assertEquals(List.of("cpu_cache", "memory_controller"),
        PersistenceProbe.persistenceDomains(devices));
    assertEquals(List.of(), PersistenceProbe.persistenceDomains(dir.resolve("absent")));
  }

  @ParameterizedTest
  @EnumSource(value = Durability.class, names = {"PAGE", "MSYNC", "NONE", "DAX", "FENCE"})
  void everyBackendCommitsAndReopensOnARealFile(Durability kind) {
    System.setProperty("ferrite.pmem.force", "true");
    Path file = dir.resolve(kind.label() + ".db");
    StoreOptions options = StoreOptions.defaults().withDurability(kind)
        .withInitialSizeBytes(64 << 10).withMinGrowthBytes(64 << 10);
    try (Store store = Store.open(file, options)) {
      assertEquals(kind, store.durability().backend().kind());
      for (int round = 0; round < 20; round++) {
        try (WriteTransaction txn = store.beginWrite()) {
          var tree = txn.openOrCreateTree("t");
          for (int i = 0; i < 200; i++) {
            tree.put(new byte[] {(byte) round, (byte) i}, new byte[round * 40]);
          }
          txn.commit();
        }
      }
    }
    try (Store store = Store.open(file, options); ReadTransaction txn = store.beginRead()) {
      assertEquals(20 * 200, txn.tree("t").entries());
      assertArrayEquals(new byte[19 * 40], txn.tree("t").get(new byte[] {19, 7}));
      assertTrue(store.verify().healthy());
    }
  }

  @Test
  void daxIsRefusedWhereMapSyncIsNotAvailable() {
    StorageException e = assertThrows(StorageException.class, () -> Store.open(
        dir.resolve("dax.db"), StoreOptions.defaults().withDurability(Durability.DAX)));
    assertEquals(StorageErrorCode.MISUSE, e.code());
    assertTrue(e.getMessage().contains("MAP_SYNC"), e.getMessage());
    assertFalse(Files.exists(dir.resolve("dax.db")));
  }

  @Test
  void forceSwitchOverridesConfiguration() {
    System.setProperty("ferrite.durability.force", "msync");
    try (Store store = Store.open(dir.resolve("forced.db"),
        StoreOptions.defaults().withDurability(Durability.PAGE))) {
      assertEquals(Durability.MSYNC, store.durability().backend().kind());
      assertTrue(store.durability().reason().contains("forced"));
    }
  }

  @Test
  void movingToAnotherBoundaryIsNoticedAndRecorded() {
    Path file = dir.resolve("moved.db");
    Store.open(file, StoreOptions.defaults().withDurability(Durability.PAGE)).close();
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      assertNull(store.movedFrom(), "same platform, same decision");
    }
    System.setProperty("ferrite.durability.force", "msync");
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      assertEquals("backend: page", store.movedFrom());
      assertTrue(store.recordedDurability().startsWith("backend: msync"));
    }
    System.clearProperty("ferrite.durability.force");
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      assertEquals("backend: msync", store.movedFrom());
    }
  }

  @Test
  void tornRecordSlotFallsBackToTheOtherSlot() throws IOException {
    Path file = dir.resolve("slots.db");
    Store.open(file, StoreOptions.defaults().withDurability(Durability.PAGE)).close();
    System.setProperty("ferrite.durability.force", "msync");
    Store.open(file, StoreOptions.defaults()).close();
    System.clearProperty("ferrite.durability.force");
    // The msync record went to slot 1 (the older one); tear it.
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(2560 + 20);
      raf.writeLong(-1);
    }
    try (Store store = Store.open(file, StoreOptions.defaults().withReadOnly(true))) {
      assertNotNull(store.recordedDurability());
      assertTrue(store.recordedDurability().startsWith("backend: page"),
          store.recordedDurability());
    }
  }
}
