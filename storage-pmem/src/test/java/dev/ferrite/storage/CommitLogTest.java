package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.FileHeaderLayout;
import dev.ferrite.storage.page.PageLayout;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The logged commit protocol on real files. A copy of the file taken while the store is open is
 * what a killed process leaves (the page cache survives, no checkpoint ran): the commits since the
 * last meta exist only as log records there, so reopening the copy proves the replay.
 */
class CommitLogTest {
  @TempDir
  Path dir;

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  /** Makes {@code commits} one-put commits and returns a copy of the file taken before close. */
  private Path crashCopyAfter(int commits, StoreOptions options) throws IOException {
    Path file = dir.resolve("live.db");
    Path copy = dir.resolve("crashed.db");
    try (Store store = Store.open(file, options)) {
      for (int i = 0; i < commits; i++) {
        try (WriteTransaction txn = store.beginWrite()) {
          txn.openOrCreateTree("t").put(key(i), key(i * 7));
          txn.commit();
        }
      }
      Files.copy(file, copy);
    }
    return copy;
  }

  private static long metaTxnId(Path file, long metaPage) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(metaPage * 4096 + PageLayout.TXN_ID);
      return raf.readLong();
    }
  }

  private static void assertHolds(Store store, int commits) {
    assertEquals(commits, store.lastCommittedTxnId());
    try (ReadTransaction txn = store.beginRead()) {
      Tree tree = txn.tree("t");
      assertEquals(commits, tree.entries());
      for (int i = 0; i < commits; i++) {
        assertArrayEquals(key(i * 7), tree.get(key(i)), "key " + i);
      }
    }
    IntegrityReport report = store.verify();
    assertTrue(report.healthy(), report.toString());
  }

  @Test
  void commitsSinceTheLastMetaAreReplayedFromTheLog() throws IOException {
    Path copy = crashCopyAfter(40, StoreOptions.defaults());
    // No meta was written after creation: only the log holds the 40 commits.
    assertEquals(0, Math.max(metaTxnId(copy, 1), metaTxnId(copy, 2)));
    try (Store store = Store.open(copy, StoreOptions.defaults())) {
      assertHolds(store, 40);
      try (WriteTransaction txn = store.beginWrite()) {
        txn.tree("t").put(key(40), key(280));
        txn.commit();
      }
    }
    try (Store store = Store.open(copy, StoreOptions.defaults())) {
      assertHolds(store, 41);
    }
    // The clean close checkpointed: a meta now holds the newest state.
    assertEquals(41, Math.max(metaTxnId(copy, 1), metaTxnId(copy, 2)));
  }

  @Test
  void readOnlyOpenServesTheLoggedCommitsFromMemory() throws IOException {
    Path copy = crashCopyAfter(25, StoreOptions.defaults());
    byte[] before = Files.readAllBytes(copy);
    try (Store store = Store.open(copy, StoreOptions.defaults().withReadOnly(true))) {
      assertHolds(store, 25);
    }
    assertArrayEquals(before, Files.readAllBytes(copy), "a read-only open wrote to the file");
  }

  @Test
  void aDamagedRecordEndsTheReplayAtTheCommitBeforeIt() throws IOException {
    Path copy = crashCopyAfter(12, StoreOptions.defaults());
    long header = findRecordHeader(copy, 12);
    try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
      raf.seek(header * 4096 + 300);
      raf.writeLong(0x5555_5555_5555_5555L);
    }
    try (Store store = Store.open(copy, StoreOptions.defaults())) {
      assertHolds(store, 11);
    }
  }

  @Test
  void aDamagedPageOfALongRecordEndsTheReplayAtTheCommitBeforeIt() throws IOException {
    Path file = dir.resolve("live.db");
    Path copy = dir.resolve("crashed.db");
    // Room to spare: a commit that grows the file is a checkpoint, not a record.
    StoreOptions roomy = StoreOptions.defaults().withInitialSizeBytes(16 << 20);
    try (Store store = Store.open(file, roomy)) {
      for (int i = 0; i < 12; i++) {
        try (WriteTransaction txn = store.beginWrite()) {
          // The last commit's 20 KiB value is new overflow pages: a record of several pages
          // (random bytes: a record leaves out runs of zeros).
          byte[] large = new byte[20_000];
          new java.util.Random(i).nextBytes(large);
          txn.openOrCreateTree("t").put(key(i), i < 11 ? key(i * 7) : large);
          txn.commit();
        }
      }
      Files.copy(file, copy);
    }
    long header = findRecordHeader(copy, 12);
    try (RandomAccessFile raf = new RandomAccessFile(copy.toFile(), "rw")) {
      assertTrue(raf.length() > (header + 3) * 4096);
      raf.seek((header + 3) * 4096 + 1000);
      raf.writeLong(0x5555_5555_5555_5555L);
    }
    try (Store store = Store.open(copy, roomy)) {
      assertHolds(store, 11);
    }
  }

  @Test
  void aOneRowCommitIsAOnePageRecordOnceItsPagesAreInTheLog() throws IOException {
    Path copy = crashCopyAfter(30, StoreOptions.defaults());
    long last = findRecordHeader(copy, 30);
    assertEquals(last - 1, findRecordHeader(copy, 29), "record 29 took more than one page");
  }

  /** The ring page holding the record of transaction {@code txnId}. */
  private static long findRecordHeader(Path file, long txnId) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.seek(FileHeaderLayout.LOG_START);
      long start = raf.readLong();
      int pages = raf.readInt();
      for (long page = start; page < start + pages; page++) {
        raf.seek(page * 4096 + PageLayout.TYPE);
        byte type = raf.readByte();
        raf.seek(page * 4096 + PageLayout.TXN_ID);
        if (type == PageLayout.TYPE_META && raf.readLong() == txnId) {
          return page;
        }
      }
    }
    throw new AssertionError("no log record of transaction " + txnId);
  }

  @Test
  void aSmallRingWrapsThroughCheckpoints() throws IOException {
    StoreOptions small = StoreOptions.defaults().withLogBytes(16 * 4096);
    Path copy = crashCopyAfter(300, small);
    long meta = Math.max(metaTxnId(copy, 1), metaTxnId(copy, 2));
    assertTrue(meta > 0 && meta < 300, "checkpoints while wrapping, then records: meta " + meta);
    try (Store store = Store.open(copy, small)) {
      assertHolds(store, 300);
    }
  }

  @Test
  void aFileWithoutALogFromFormatOneStillOpensAndCommits() throws IOException {
    Path file = dir.resolve("old.db");
    StoreOptions noLog = StoreOptions.defaults().withCommitProtocol(CommitProtocol.SINGLE_SYNC)
        .withLogBytes(0);
    try (Store store = Store.open(file, noLog); WriteTransaction txn = store.beginWrite()) {
      txn.createTree("t").put(key(0), key(0));
      txn.commit();
    }
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      byte[] header = new byte[FileHeaderLayout.CHECKED_END];
      raf.readFully(header);
      ByteBuffer view = ByteBuffer.wrap(header);
      view.putInt(FileHeaderLayout.FORMAT_VERSION, 1);
      view.putInt(FileHeaderLayout.CHECKSUM, Checksums.crc32c(view,
          FileHeaderLayout.FORMAT_VERSION, FileHeaderLayout.CHECKED_END));
      raf.seek(0);
      raf.write(header);
    }
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      try (WriteTransaction txn = store.beginWrite()) {
        txn.tree("t").put(key(1), key(7));
        txn.commit();
      }
      assertHolds(store, 2);
    }
    try (Store store = Store.open(file, StoreOptions.defaults())) {
      assertHolds(store, 2);
    }
  }
}
