package dev.ferrite.tools.bench;

import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.nativeio.LibPmem;
import dev.ferrite.storage.nativeio.NativeIo;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Commit latency of a one-row change on each durability backend, next to the physical floor of
 * its persistence boundary measured in the same run:
 * <ul>
 *   <li>{@code commit} with {@code backend=page} (and {@code msync}, {@code none}) on the bench
 *       directory (a real disk); floor: {@link #floorPwriteFdatasync}, one 4 KiB pwrite and an
 *       fdatasync of a preallocated file there.
 *   <li>{@code commit} with {@code backend=dax} and {@code fence} on {@code /dev/shm} with
 *       {@code ferrite.pmem.force} (these machines have no persistent memory): the dax backend
 *       runs libpmem's CLWB + SFENCE when libpmem1 is installed; floor:
 *       {@link #floorClwbSfence}, libpmem flush + drain of 16 lines (about what a small commit
 *       changes) of a /dev/shm mapping.
 * </ul>
 * Sample-time mode, so JMH reports p50 and p99 next to the mean.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Dferrite.pmem.force=true"})
public class BackendCommitBenchmark {
  private static final int FLOOR_LINES = 16;

  /** One store per backend, with a tree of 10,000 rows to change. */
  @State(Scope.Benchmark)
  public static class Backend {
    @Param({"page", "msync", "none", "dax", "fence"})
    public String backend;

    Path dir;
    Store store;
    long key;

    @Setup(Level.Trial)
    public void open() throws IOException {
      Durability kind = Durability.parse(backend);
      boolean pmem = kind == Durability.DAX || kind == Durability.FENCE;
      Path root = pmem ? Path.of("/dev/shm")
          : Path.of(System.getProperty("ferrite.bench.dir", "target"));
      Files.createDirectories(root);
      dir = Files.createTempDirectory(root, "ferrite-backend-");
      store = Store.open(dir.resolve("db"), StoreOptions.defaults().withDurability(kind));
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.createTree("t");
        for (long i = 0; i < 10_000; i++) {
          tree.append(ByteBuffer.allocate(8).putLong(i).array(), new byte[100]);
        }
        txn.commit();
      }
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      store.close();
      deleteTree(dir);
    }
  }

  /** A preallocated file on the bench directory for the pwrite + fdatasync floor. */
  @State(Scope.Benchmark)
  public static class DiskFloor {
    Path dir;
    RandomAccessFile file;
    byte[] page = new byte[4096];

    @Setup(Level.Trial)
    public void open() throws IOException {
      Path root = Path.of(System.getProperty("ferrite.bench.dir", "target"));
      Files.createDirectories(root);
      dir = Files.createTempDirectory(root, "ferrite-floor-");
      file = new RandomAccessFile(dir.resolve("floor").toFile(), "rw");
      file.write(new byte[1 << 20]);
      file.getChannel().force(true);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      file.close();
      deleteTree(dir);
    }
  }

  /** A /dev/shm mapping and libpmem for the CLWB + SFENCE floor. */
  @State(Scope.Benchmark)
  public static class LineFloor {
    Path file;
    MappedByteBuffer mapping;
    LibPmem pmem;
    long address;

    @Setup(Level.Trial)
    public void open() throws IOException {
      pmem = NativeIo.pmem();
      if (pmem == null) {
        throw new IllegalStateException("the CLWB floor needs libpmem: " + NativeIo.pmemProblem());
      }
      file = Files.createTempFile(Path.of("/dev/shm"), "ferrite-lines-", ".bin");
      try (FileChannel channel = FileChannel.open(file, java.nio.file.StandardOpenOption.READ,
          java.nio.file.StandardOpenOption.WRITE)) {
        mapping = channel.map(FileChannel.MapMode.READ_WRITE, 0, 1 << 16);
      }
      address = NativeIo.address(mapping);
    }

    @TearDown(Level.Trial)
    public void close() throws IOException {
      Files.deleteIfExists(file);
    }
  }

  /** Changes one row and commits durably. */
  @Benchmark
  public void commit(Backend state) {
    try (WriteTransaction txn = state.store.beginWrite()) {
      long k = state.key++ % 10_000;
      txn.tree("t").put(ByteBuffer.allocate(8).putLong(k).array(), new byte[100]);
      txn.commit();
    }
  }

  /** The PAGE floor: pwrite of one 4 KiB page into a preallocated file, then fdatasync. */
  @Benchmark
  public void floorPwriteFdatasync(DiskFloor floor) throws IOException {
    floor.page[0]++;
    floor.file.seek(8192);
    floor.file.write(floor.page);
    floor.file.getChannel().force(false);
  }

  /** The CACHE_LINE floor: store into 16 lines, libpmem flush of them, drain. */
  @Benchmark
  public void floorClwbSfence(LineFloor floor) {
    for (int i = 0; i < FLOOR_LINES; i++) {
      floor.mapping.put(i * 64, (byte) (floor.mapping.get(i * 64) + 1));
    }
    floor.pmem.pmem_flush(floor.address, FLOOR_LINES * 64L);
    floor.pmem.pmem_drain();
  }

  static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) files.sorted(java.util.Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    }
  }
}
