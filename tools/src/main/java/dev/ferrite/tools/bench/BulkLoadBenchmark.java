package dev.ferrite.tools.bench;

import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.lmdbjava.Txn;
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
 * Loading N entries ({@link BenchData}) into an empty store in one write transaction, then one
 * durable commit; each measured invocation starts from a new, empty store whose tree (LMDB: named
 * database) was created beforehand, so the time covers exactly: begin, N puts, commit.
 *
 * <ul>
 *   <li><b>sequential</b>: keys in increasing order. Ferrite uses its bulk-load path
 *       {@code Tree.append}; LMDB uses {@code MDB_APPEND}. Both fill pages completely.
 *   <li><b>random</b>: the same N keys in one fixed random order (identical for both), plain
 *       {@code put}.
 * </ul>
 *
 * <p>Ferrite is measured at two dirty-page limits ({@code StoreOptions.withMaxDirtyPages}): its
 * default, 16,384 pages (64 MiB), and 131,072 pages (512 MiB), which matches the number of dirty
 * pages LMDB keeps in memory before it spills ({@code MDB_IDL_UM_MAX}, 2^17 - 1).
 */
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 2, jvmArgsAppend = {LmdbFixture.OPEN_NIO, LmdbFixture.OPEN_NIO_CH, "-Xms2g", "-Xmx4g"})
@Warmup(iterations = 5)
@Measurement(iterations = 4)
public class BulkLoadBenchmark {
  private static final long ORDER_SEED = 7;

  /** A new empty Ferrite store per invocation. */
  @State(Scope.Thread)
  public static class FerriteEmpty {
    /** Number of entries to load. */
    @Param("1000000")
    public int entries;

    /** Dirty pages the write transaction keeps in heap before spilling. */
    @Param({"16384", "131072"})
    public int maxDirtyPages;

    int[] order;
    FerriteFixture fixture;
    final byte[] key = BenchData.newKey();
    final byte[] value = BenchData.newValue();

    /** Computes the random order once. */
    @Setup(Level.Trial)
    public void order() {
      order = BenchData.shuffledIndexes(entries, ORDER_SEED);
    }

    /** Creates the empty store with its tree. */
    @Setup(Level.Invocation)
    public void create() {
      fixture = FerriteFixture.create(StoreOptions.defaults().withMaxDirtyPages(maxDirtyPages));
      fixture.createTree();
    }

    /** Reports the size of what was loaded, then closes and deletes the store. */
    @TearDown(Level.Invocation)
    public void close() {
      long pages = fixture.store().pageCount();
      System.out.printf("[bulk] ferrite (maxDirtyPages %d): %d pages in use, file %d bytes%n",
          maxDirtyPages, pages, fixture.store().fileLength());
      fixture.close();
    }
  }

  /** A new empty LMDB environment per invocation. */
  @State(Scope.Thread)
  public static class LmdbEmpty {
    /** Number of entries to load. */
    @Param("1000000")
    public int entries;

    int[] order;
    LmdbFixture fixture;
    final ByteBuffer key = BenchData.newDirectKey();
    final ByteBuffer value = BenchData.newDirectValue();

    /** Computes the random order once. */
    @Setup(Level.Trial)
    public void order() {
      order = BenchData.shuffledIndexes(entries, ORDER_SEED);
    }

    /** Creates the empty environment with its database. */
    @Setup(Level.Invocation)
    public void create() {
      fixture = LmdbFixture.create(entries);
    }

    /** Reports the size of what was loaded, then closes and deletes the environment. */
    @TearDown(Level.Invocation)
    public void close() {
      System.out.printf("[bulk] lmdb: %d pages in use%n",
          fixture.env().info().lastPageNumber + 1);
      fixture.close();
    }
  }

  /** Ferrite: append N entries in key order, commit. */
  @Benchmark
  public long ferriteSequential(FerriteEmpty s) {
    try (WriteTransaction txn = s.fixture.store().beginWrite()) {
      Tree tree = txn.tree(FerriteFixture.TREE);
      for (int i = 0; i < s.entries; i++) {
        BenchData.key(i, s.key);
        BenchData.value(i, s.value);
        tree.append(s.key, s.value);
      }
      txn.commit();
    }
    return s.fixture.store().pageCount();
  }

  /** LMDB: put N entries in key order with MDB_APPEND, commit. */
  @Benchmark
  public long lmdbSequential(LmdbEmpty s) {
    try (Txn<ByteBuffer> txn = s.fixture.env().txnWrite()) {
      for (int i = 0; i < s.entries; i++) {
        BenchData.key(i, s.key);
        BenchData.value(i, s.value);
        s.fixture.append(txn, s.key, s.value);
      }
      txn.commit();
    }
    return s.fixture.env().info().lastPageNumber;
  }

  /** Ferrite: put N entries in random order, commit. */
  @Benchmark
  public long ferriteRandom(FerriteEmpty s) {
    try (WriteTransaction txn = s.fixture.store().beginWrite()) {
      Tree tree = txn.tree(FerriteFixture.TREE);
      for (int i = 0; i < s.entries; i++) {
        int k = s.order[i];
        BenchData.key(k, s.key);
        BenchData.value(k, s.value);
        tree.put(s.key, s.value);
      }
      txn.commit();
    }
    return s.fixture.store().pageCount();
  }

  /** LMDB: put N entries in random order, commit. */
  @Benchmark
  public long lmdbRandom(LmdbEmpty s) {
    try (Txn<ByteBuffer> txn = s.fixture.env().txnWrite()) {
      for (int i = 0; i < s.entries; i++) {
        int k = s.order[i];
        BenchData.key(k, s.key);
        BenchData.value(k, s.value);
        s.fixture.dbi().put(txn, s.key, s.value);
      }
      txn.commit();
    }
    return s.fixture.env().info().lastPageNumber;
  }
}
