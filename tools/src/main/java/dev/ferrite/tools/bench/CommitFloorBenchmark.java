package dev.ferrite.tools.bench;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * How far Ferrite's durable commit is from what the disk allows (average time per operation).
 *
 * <ul>
 *   <li>{@code ferriteCommit}: one write transaction overwriting the 100-byte value of a random key
 *       of an N-entry tree, then commit, with {@code LOGGED} (default), {@code SINGLE_SYNC} or
 *       {@code DOUBLE_SYNC}
 *       (LMDB's protocol). The store is opened over {@link CountingRegion}, and at the end of the
 *       trial the fork prints the syncs, page writes and bytes per commit it actually counted.
 *   <li>{@code rawWriteForce}: the physical floor: {@code FileChannel.write} of 4096 bytes at a fixed
 *       offset of a preallocated, zero-filled and fsynced file, then {@code force(false)}
 *       ({@code pwrite} + {@code fdatasync}).
 *   <li>{@code rawWriteForceOnIoThread}: the same, but {@code force} runs on a single-thread
 *       executor while the caller waits, as Ferrite's {@code IoThread} does: isolates the cost of
 *       that hand-off.
 *   <li>{@code rawContiguousWriteForce}: {@code pages} pages as one contiguous {@code pwrite}, then
 *       one {@code force(false)}: the best layout for as many pages as a small Ferrite commit
 *       writes (set {@code pages} to what {@code ferriteCommit} prints).
 *   <li>{@code rawScatteredWriteForce}: {@code pages} separate 4096-byte writes at random pages of
 *       a file as large as the loaded Ferrite store, then one {@code force(false)}: Ferrite's
 *       actual I/O pattern (its commit pages are not contiguous, see the printed run count) without
 *       any of its software.
 * </ul>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsAppend = {"-Xms2g", "-Xmx4g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 4, time = 2)
public class CommitFloorBenchmark {
  private static final int PAGE = 4096;
  private static final int RAW_FILE_PAGES = 256;

  /** A loaded Ferrite store over a counting region. */
  @State(Scope.Thread)
  public static class FerriteStore {
    /** Number of entries in the store. */
    @Param("1000000")
    public int entries;

    /** The commit protocol. */
    @Param({"LOGGED", "SINGLE_SYNC", "DOUBLE_SYNC"})
    public CommitProtocol protocol;

    FerriteFixture fixture;
    BenchData.IndexStream puts;
    long version;
    long commits;
    long syncsBefore;
    long durableWritesBefore;
    long storesBefore;
    long runsBefore;
    long bytesBefore;
    long growsBefore;
    final byte[] key = BenchData.newKey();
    final byte[] value = BenchData.newValue();

    /** Creates and loads the store, then starts counting. */
    @Setup(Level.Trial)
    public void load() {
      fixture = FerriteFixture.createCounting(StoreOptions.defaults().withCommitProtocol(protocol));
      fixture.loadSorted(entries);
      puts = new BenchData.IndexStream(entries, 42);
      CountingRegion c = fixture.counters();
      syncsBefore = c.syncs();
      durableWritesBefore = c.durableWrites();
      storesBefore = c.stores();
      runsBefore = c.runs();
      bytesBefore = c.storedBytes();
      growsBefore = c.grows();
    }

    /** Prints what the commits did, then closes and deletes the store. */
    @TearDown(Level.Trial)
    public void close() {
      CountingRegion c = fixture.counters();
      double n = Math.max(1, commits);
      System.out.printf("%n[commit-count] %s: %d commits; per commit %.3f Region.sync() (each one"
          + " fdatasync), %.3f O_DSYNC writes, %.2f page writes in %.2f contiguous runs, %.0f"
          + " bytes; %d file growths%n",
          protocol, commits, (c.syncs() - syncsBefore) / n,
          (c.durableWrites() - durableWritesBefore) / n, (c.stores() - storesBefore) / n,
          (c.runs() - runsBefore) / n, (c.storedBytes() - bytesBefore) / n,
          c.grows() - growsBefore);
      fixture.close();
    }
  }

  /** A preallocated, zero-filled, fsynced file of 1 MiB and a 4096-byte direct buffer. */
  @State(Scope.Thread)
  public static class RawFile {
    /** Pages written per operation by {@code rawContiguousWriteForce} (the others ignore it). */
    @Param("6")
    public int pages;

    Path dir;
    FileChannel channel;
    ExecutorService ioThread;
    final ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
    ByteBuffer run;
    long version;

    /** Creates, fills and syncs the file (and its directory). */
    @Setup(Level.Trial)
    public void create() throws IOException {
      dir = BenchDirs.create("raw");
      channel = preallocate(dir, (long) PAGE * RAW_FILE_PAGES);
      ioThread = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "raw-io");
        thread.setDaemon(true);
        return thread;
      });
    }

    /** Writes the page (with a changed first word) at {@code offset}. */
    void write(long offset) throws IOException {
      page.putLong(0, version++);
      page.clear();
      while (page.hasRemaining()) {
        channel.write(page, offset + page.position());
      }
    }

    /** Writes {@code count} pages (a changed first word in each) in one call at {@code offset}. */
    void writeRun(long offset, int count) throws IOException {
      if (run == null || run.capacity() != count * PAGE) {
        run = ByteBuffer.allocateDirect(count * PAGE);
      }
      for (int i = 0; i < count; i++) {
        run.putLong(i * PAGE, version++);
      }
      run.clear();
      while (run.hasRemaining()) {
        channel.write(run, offset + run.position());
      }
    }

    /** Closes and deletes the file. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      ioThread.shutdown();
      channel.close();
      BenchDirs.delete(dir);
    }
  }

  /**
   * A preallocated, zero-filled, fsynced file of {@code filePages} pages (default 128 MiB, about the
   * file of a Ferrite store of 1,000,000 entries), for writes at random page offsets.
   */
  @State(Scope.Thread)
  public static class SpreadFile {
    /** Pages written per operation (a small Ferrite commit writes 6 at N = 1,000,000). */
    @Param("6")
    public int pages;

    /** Size of the file in pages. */
    @Param("32768")
    public int filePages;

    Path dir;
    FileChannel channel;
    final ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
    final SplittableRandom random = new SplittableRandom(11);
    long version;

    /** Creates, fills and syncs the file (and its directory). */
    @Setup(Level.Trial)
    public void create() throws IOException {
      dir = BenchDirs.create("spread");
      channel = preallocate(dir, (long) filePages * PAGE);
    }

    /** Closes and deletes the file. */
    @TearDown(Level.Trial)
    public void close() throws IOException {
      channel.close();
      BenchDirs.delete(dir);
    }
  }

  /** Creates {@code dir/raw.bin} with {@code bytes} real zeros, synced with its directory. */
  static FileChannel preallocate(Path dir, long bytes) throws IOException {
    FileChannel channel = FileChannel.open(dir.resolve("raw.bin"), StandardOpenOption.CREATE_NEW,
        StandardOpenOption.READ, StandardOpenOption.WRITE);
    ByteBuffer zeros = ByteBuffer.allocateDirect(1 << 20);
    for (long at = 0; at < bytes; at += zeros.capacity()) {
      zeros.clear().limit((int) Math.min(zeros.capacity(), bytes - at));
      while (zeros.hasRemaining()) {
        channel.write(zeros, at + zeros.position());
      }
    }
    channel.force(true);
    try (FileChannel directory = FileChannel.open(dir, StandardOpenOption.READ)) {
      directory.force(true);
    }
    return channel;
  }

  /** Ferrite: overwrite one random key's value and commit durably. */
  @Benchmark
  public void ferriteCommit(FerriteStore s) {
    BenchData.key(s.puts.next(), s.key);
    BenchData.value(s.version++, s.value);
    try (WriteTransaction txn = s.fixture.store().beginWrite()) {
      txn.tree(FerriteFixture.TREE).put(s.key, s.value);
      txn.commit();
    }
    s.commits++;
  }

  /** The floor: pwrite 4096 bytes at a fixed offset, fdatasync. */
  @Benchmark
  public void rawWriteForce(RawFile f) throws IOException {
    f.write(PAGE * 8L);
    f.channel.force(false);
  }

  /** The floor with the sync handed to another thread and awaited, as Ferrite does. */
  @Benchmark
  public void rawWriteForceOnIoThread(RawFile f) throws IOException, InterruptedException,
      ExecutionException {
    f.write(PAGE * 8L);
    f.ioThread.submit(() -> {
      f.channel.force(false);
      return null;
    }).get();
  }

  /** The best case for {@code pages} pages: one contiguous pwrite of all of them, one fdatasync. */
  @Benchmark
  public void rawContiguousWriteForce(RawFile f) throws IOException {
    f.writeRun(PAGE * 8L, f.pages);
    f.channel.force(false);
  }

  /**
   * The floor for a commit's I/O pattern: {@code pages} pages at random places of a file as large
   * as a loaded Ferrite store, written separately, then one fdatasync.
   */
  @Benchmark
  public void rawScatteredWriteForce(SpreadFile f) throws IOException {
    for (int i = 0; i < f.pages; i++) {
      f.page.putLong(0, f.version++);
      f.page.clear();
      long offset = PAGE * f.random.nextLong(f.filePages);
      while (f.page.hasRemaining()) {
        f.channel.write(f.page, offset + f.page.position());
      }
    }
    f.channel.force(false);
  }
}
