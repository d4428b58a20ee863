package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Foreign, newer, damaged and locked files: each gives a clear typed error, never wrong data, and
 * a killed process leaves nothing to clean up.
 */
class FileSafetyTest {
  @TempDir
  Path dir;

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  /**
   * Files without a commit log, committing with one fdatasync and a meta that lists its pages:
   * the page numbers and meta slots these tests damage are those of that protocol (CommitLogTest
   * covers the logged protocol's damage cases).
   */
  private static final StoreOptions NO_LOG = StoreOptions.defaults()
      .withCommitProtocol(CommitProtocol.SINGLE_SYNC).withLogBytes(0);

  private Path populated(String name, int keys) {
    Path file = dir.resolve(name);
    try (Store store = Store.open(file, NO_LOG);
        WriteTransaction txn = store.beginWrite()) {
      Tree tree = txn.createTree("t");
      for (int i = 0; i < keys; i++) {
        tree.put(key(i), new byte[100]);
      }
      txn.commit();
    }
    return file;
  }

  @Test
  void foreignFileIsRejectedAndLeftUntouched() throws IOException {
    Path file = dir.resolve("notes.txt");
    byte[] text = "just some text, not a database\n".repeat(500).getBytes(StandardCharsets.UTF_8);
    Files.write(file, text);
    StorageException e = assertThrows(StorageException.class,
        () -> Store.open(file, StoreOptions.defaults()));
    assertEquals(StorageErrorCode.NOT_A_DATABASE, e.code());
    assertTrue(e.getMessage().contains("not a Ferrite database"), e.getMessage());
    assertArrayEquals(text, Files.readAllBytes(file));
  }

  @Test
  void missingFileWithoutCreateIsAnError() {
    StorageException e = assertThrows(StorageException.class,
        () -> Store.open(dir.resolve("absent.db"), StoreOptions.defaults().withCreate(false)));
    assertEquals(StorageErrorCode.NOT_A_DATABASE, e.code());
    assertFalse(Files.exists(dir.resolve("absent.db")));
  }

  @Test
  void newerFormatIsRefusedWithItsVersion() throws IOException {
    Path file = populated("newer.db", 10);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(12);
      raf.writeInt(99);
      // Recompute the header checksum so only the version is "wrong".
      byte[] header = new byte[512];
      raf.seek(0);
      raf.readFully(header);
      java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
      crc.update(header, 12, 500);
      raf.seek(8);
      raf.writeInt((int) crc.getValue());
    }
    StorageException e = assertThrows(StorageException.class,
        () -> Store.open(file, StoreOptions.defaults()));
    assertEquals(StorageErrorCode.NOT_A_DATABASE, e.code());
    assertTrue(e.getMessage().contains("version 99"), e.getMessage());
  }

  @Test
  void bitFlipInADataPageIsCorruptionNamingThePage() throws IOException {
    Path file = populated("flip.db", 2000);
    try (Store store = Store.open(file, NO_LOG);
        WriteTransaction txn = store.beginWrite()) {
      // A later commit, so that page 5 is not among the pages of the newest commit.
      txn.tree("t").put(key(1_000_000), new byte[1]);
      txn.commit();
    }
    long page = 5;
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      long at = page * 4096 + 2000;
      raf.seek(at);
      int b = raf.read();
      raf.seek(at);
      raf.write(b ^ 0x10);
    }
    try (Store store = Store.open(file, NO_LOG)) {
      IntegrityReport report = store.verify();
      assertFalse(report.healthy(), report.toString());
      assertTrue(report.problems().toString().contains("page 5"), report.problems().toString());
      StorageCorruptionException e = assertThrows(StorageCorruptionException.class, () -> {
        try (ReadTransaction txn = store.beginRead()) {
          Cursor cursor = txn.tree("t").cursor();
          for (boolean more = cursor.first(); more; more = cursor.next()) {
            cursor.value();
          }
        }
      });
      assertEquals(5, e.pageNumber());
    }
  }

  @Test
  void tornMetaPageFallsBackToThePreviousCommit() throws IOException {
    Path file = dir.resolve("meta.db");
    try (Store store = Store.open(file, NO_LOG)) {
      for (int i = 0; i < 3; i++) {
        try (WriteTransaction txn = store.beginWrite()) {
          txn.openOrCreateTree("t").put(key(i), key(i));
          txn.commit();
        }
      }
    }
    // Transaction 3 wrote meta page 2; damage it as a torn write would.
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.seek(2 * 4096 + 40);
      raf.writeLong(0x0102030405060708L);
    }
    try (Store store = Store.open(file, NO_LOG);
        ReadTransaction txn = store.beginRead()) {
      assertEquals(2, store.lastCommittedTxnId());
      assertEquals(2, txn.tree("t").entries());
    }
  }

  @Test
  void damagedPageOfTheNewestCommitIsReportedNotSilentlyDropped() throws IOException {
    Path file = populated("newest.db", 10);
    try (Store store = Store.open(file, NO_LOG);
        WriteTransaction txn = store.beginWrite()) {
      txn.tree("t").put(key(99), key(99));
      txn.commit();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      // Damage a page written by transaction 2, the newest commit.
      for (long page = 3; page < raf.length() / 4096; page++) {
        raf.seek(page * 4096 + 16);
        if (raf.readLong() == 2) {
          raf.seek(page * 4096 + 100);
          raf.writeLong(-1);
          break;
        }
      }
    }
    try (Store store = Store.open(file, NO_LOG)) {
      assertEquals(1, store.lastCommittedTxnId());
      assertTrue(store.recoveryNote().contains("transaction 2 did not reach the disk"),
          store.recoveryNote());
    }
  }

  @Test
  void truncatedFileIsReported() throws IOException {
    Path file = populated("short.db", 10);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(4096 + 100);
    }
    StorageException e = assertThrows(StorageException.class,
        () -> Store.open(file, StoreOptions.defaults()));
    assertEquals(StorageErrorCode.CORRUPT, e.code());
  }

  @Test
  void secondOpenInTheSameJvmIsRefused() {
    Path file = dir.resolve("twice.db");
    try (Store first = Store.open(file, StoreOptions.defaults())) {
      StorageException e = assertThrows(StorageException.class,
          () -> Store.open(file, StoreOptions.defaults()));
      assertEquals(StorageErrorCode.LOCKED, e.code());
      assertTrue(e.getMessage().contains("already open in this JVM"), e.getMessage());
    }
    Store.open(file, StoreOptions.defaults()).close();
  }

  @Test
  void anotherProcessIsLockedOutAndAKilledOneLeavesNoLock() throws Exception {
    Path file = dir.resolve("shared.db");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
        LockHolderMain.class.getName(), file.toString()).redirectErrorStream(true).start();
    try {
      BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
          StandardCharsets.UTF_8));
      String line;
      do {
        line = out.readLine();   // skips any log lines the child prints first
      } while (line != null && !line.equals("ready"));
      assertEquals("ready", line);
      StorageException e = assertThrows(StorageException.class,
          () -> Store.open(file, StoreOptions.defaults()));
      assertEquals(StorageErrorCode.LOCKED, e.code());
      assertTrue(e.getMessage().contains("locked by another process"), e.getMessage());
    } finally {
      child.destroyForcibly();
      assertTrue(child.waitFor(30, TimeUnit.SECONDS));
    }
    try (Store store = Store.open(file, StoreOptions.defaults());
        ReadTransaction txn = store.beginRead()) {
      assertArrayEquals(new byte[] {42}, txn.tree("child").get(new byte[] {1}));
    }
  }
}
