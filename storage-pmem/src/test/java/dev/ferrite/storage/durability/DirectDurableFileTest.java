package dev.ferrite.storage.durability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.nativeio.DirectDurableFile;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commit log's {@code O_DIRECT|O_DSYNC} write on a real file: what it writes is what every
 * other reader of the file sees (a buffered read, and a mapping that had the old bytes cached),
 * and without direct I/O the store still commits through its buffered {@code O_DSYNC} write.
 */
class DirectDurableFileTest {
  private static final int PAGE = DirectDurableFile.ALIGNMENT;

  @TempDir
  Path dir;

  /** A file of {@code pages} zeroed pages opened for direct writes; skips the test without. */
  private DirectDurableFile zeroedDirectFile(Path file, int pages) throws IOException {
    Files.write(file, new byte[pages * PAGE]);
    DirectDurableFile direct = DirectDurableFile.open(file);
    assumeTrue(direct != null, "SKIPPED: no O_DIRECT on " + dir + " (or not 64-bit Linux)");
    return direct;
  }

  @Test
  void directWritesAreSeenByBufferedReadsAndByAMappingThatCachedTheOldBytes() throws IOException {
    Path file = dir.resolve("direct.dat");
    DirectDurableFile direct = zeroedDirectFile(file, 16);
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
      MappedByteBuffer mapping = channel.map(FileChannel.MapMode.READ_ONLY, 0, 16 * PAGE);
      assertEquals(0, mapping.get(3 * PAGE + 7), "the mapping caches the zeros first");
      byte[] data = new byte[2 * PAGE];
      new Random(7).nextBytes(data);
      // A heap buffer at a non-zero position: the staging copy takes care of alignment.
      ByteBuffer src = ByteBuffer.allocate(data.length + 5).position(5);
      src.put(data).position(5);
      assertTrue(direct.writeDurably(3 * PAGE, src));

      byte[] buffered = new byte[data.length];
      channel.read(ByteBuffer.wrap(buffered), 3 * PAGE);
      assertArrayEquals(data, buffered);
      byte[] mapped = new byte[data.length];
      mapping.get(3 * PAGE, mapped);
      assertArrayEquals(data, mapped);
      assertEquals(0, mapping.get(2 * PAGE), "bytes outside the write are untouched");
      assertEquals(0, mapping.get(5 * PAGE));
    } finally {
      direct.close();
    }
  }

  @Test
  void unalignedWritesAreRefusedBeforeAnythingIsWritten() throws IOException {
    Path file = dir.resolve("unaligned.dat");
    DirectDurableFile direct = zeroedDirectFile(file, 4);
    try {
      assertThrows(IllegalArgumentException.class,
          () -> direct.writeDurably(100, ByteBuffer.allocate(PAGE)));
      assertThrows(IllegalArgumentException.class,
          () -> direct.writeDurably(PAGE, ByteBuffer.allocate(PAGE + 1)));
      assertArrayEquals(new byte[4 * PAGE], Files.readAllBytes(file));
    } finally {
      direct.close();
    }
  }

  /** Where direct I/O is unavailable (here: switched off) commits use the buffered write. */
  @Test
  void withoutDirectIoCommitsUseTheBufferedDurableWrite() throws IOException {
    Path file = dir.resolve("store.db");
    byte[] key = "key".getBytes(StandardCharsets.UTF_8);
    System.setProperty("ferrite.directio", "false");
    try {
      assertNull(DirectDurableFile.open(file));
      try (Store store = Store.open(file, StoreOptions.defaults())) {
        for (int i = 0; i < 20; i++) {
          try (WriteTransaction txn = store.beginWrite()) {
            txn.openOrCreateTree("t").put(key, new byte[] {(byte) i});
            txn.commit();
          }
        }
      }
    } finally {
      System.clearProperty("ferrite.directio");
    }
    try (Store store = Store.open(file, StoreOptions.defaults());
        ReadTransaction read = store.beginRead()) {
      assertArrayEquals(new byte[] {19}, read.tree("t").get(key));
    }
  }
}
