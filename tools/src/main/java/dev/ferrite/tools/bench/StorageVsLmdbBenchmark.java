package dev.ferrite.tools.bench;

import dev.ferrite.storage.Cursor;
import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import org.lmdbjava.Dbi;
import org.lmdbjava.Env;
import org.lmdbjava.GetOp;
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
import org.openjdk.jmh.infra.Blackhole;

/**
 * Ferrite against LMDB on a store of N entries ({@link BenchData}: 8-byte big-endian keys
 * {@code 0 .. N-1}, 100-byte values), both loaded the same way before measuring (one transaction,
 * keys in order: Ferrite {@code Tree.append}, LMDB {@code MDB_APPEND}, so both have full pages).
 *
 * <ul>
 *   <li><b>get</b> (ops/s): the value of a random existing key, delivered as a {@code byte[]}.
 *       Ferrite's {@code Tree.get} always returns a copy, so the LMDB variant copies the value it
 *       gets out of the map into a new array too ({@code lmdbGet}); {@code lmdbGetZeroCopy} reads
 *       only the first 8 bytes of the value in place, lmdbjava's cheapest idiom.
 *   <li><b>scan</b> (scans/s): a cursor opened per scan, positioned at a random key (at or after;
 *       the start is chosen so that 1,000 entries follow), then 1,000 entries read in order, each
 *       key and value copied to a {@code byte[]} (Ferrite's {@code Cursor.key()/value()}; LMDB copies
 *       likewise, or in the zero-copy variant reads 8 bytes of each in place).
 *   <li><b>commitSmallPut</b> (us/op): one write transaction that overwrites the 100-byte value of a
 *       random existing key, then a durable commit. Ferrite's default {@code LOGGED} protocol;
 *       LMDB's default flags.
 * </ul>
 *
 * <p>Reads use one read transaction per measurement iteration (opened in an iteration-level setup,
 * closed in its teardown), for both stores, so the numbers are the cost of the lookup itself.
 * Each store lives in its own fork, so the two never share the page cache or the heap at the
 * same time; the data fits in memory (about 140 MB per store at N = 1,000,000).
 */
@Fork(value = 2, jvmArgsAppend = {LmdbFixture.OPEN_NIO, LmdbFixture.OPEN_NIO_CH, "-Xms2g", "-Xmx4g"})
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 4, time = 2)
public class StorageVsLmdbBenchmark {
  private static final long SEED = 42;

  /** A loaded Ferrite store and, per iteration, an open read transaction. */
  @State(Scope.Thread)
  public static class FerriteReader {
    /** Number of entries in the store. */
    @Param("1000000")
    public int entries;

    FerriteFixture fixture;
    ReadTransaction txn;
    Tree tree;
    BenchData.IndexStream gets;
    BenchData.IndexStream scans;
    final byte[] key = BenchData.newKey();

    /** Creates and loads the store. */
    @Setup(Level.Trial)
    public void load() {
      fixture = FerriteFixture.create(StoreOptions.defaults());
      fixture.loadSorted(entries);
      gets = new BenchData.IndexStream(entries, SEED);
      scans = new BenchData.IndexStream(entries - BenchData.SCAN_LENGTH + 1, SEED);
    }

    /** Opens the read transaction of this iteration. */
    @Setup(Level.Iteration)
    public void begin() {
      txn = fixture.store().beginRead();
      tree = txn.tree(FerriteFixture.TREE);
    }

    /** Closes the read transaction of this iteration. */
    @TearDown(Level.Iteration)
    public void end() {
      txn.close();
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Trial)
    public void close() {
      fixture.close();
    }
  }

  /** A loaded LMDB environment and, per iteration, an open read transaction. */
  @State(Scope.Thread)
  public static class LmdbReader {
    /** Number of entries in the store. */
    @Param("1000000")
    public int entries;

    LmdbFixture fixture;
    Dbi<ByteBuffer> dbi;
    Txn<ByteBuffer> txn;
    BenchData.IndexStream gets;
    BenchData.IndexStream scans;
    final ByteBuffer key = BenchData.newDirectKey();

    /** Creates and loads the environment. */
    @Setup(Level.Trial)
    public void load() {
      fixture = LmdbFixture.create(entries);
      fixture.loadSorted(entries);
      dbi = fixture.dbi();
      gets = new BenchData.IndexStream(entries, SEED);
      scans = new BenchData.IndexStream(entries - BenchData.SCAN_LENGTH + 1, SEED);
    }

    /** Opens the read transaction of this iteration. */
    @Setup(Level.Iteration)
    public void begin() {
      txn = fixture.env().txnRead();
    }

    /** Closes the read transaction of this iteration. */
    @TearDown(Level.Iteration)
    public void end() {
      txn.close();
    }

    /** Closes and deletes the environment. */
    @TearDown(Level.Trial)
    public void close() {
      fixture.close();
    }
  }

  /** A loaded Ferrite store for write transactions (no reader holds old pages). */
  @State(Scope.Thread)
  public static class FerriteWriter {
    /** Number of entries in the store. */
    @Param("1000000")
    public int entries;

    FerriteFixture fixture;
    BenchData.IndexStream puts;
    long version;
    final byte[] key = BenchData.newKey();
    final byte[] value = BenchData.newValue();

    /** Creates and loads the store. */
    @Setup(Level.Trial)
    public void load() {
      fixture = FerriteFixture.create(StoreOptions.defaults());
      fixture.loadSorted(entries);
      puts = new BenchData.IndexStream(entries, SEED);
    }

    /** Closes and deletes the store. */
    @TearDown(Level.Trial)
    public void close() {
      fixture.close();
    }
  }

  /** A loaded LMDB environment for write transactions. */
  @State(Scope.Thread)
  public static class LmdbWriter {
    /** Number of entries in the store. */
    @Param("1000000")
    public int entries;

    LmdbFixture fixture;
    Env<ByteBuffer> env;
    Dbi<ByteBuffer> dbi;
    BenchData.IndexStream puts;
    long version;
    final ByteBuffer key = BenchData.newDirectKey();
    final ByteBuffer value = BenchData.newDirectValue();

    /** Creates and loads the environment. */
    @Setup(Level.Trial)
    public void load() {
      fixture = LmdbFixture.create(entries);
      fixture.loadSorted(entries);
      env = fixture.env();
      dbi = fixture.dbi();
      puts = new BenchData.IndexStream(entries, SEED);
    }

    /** Closes and deletes the environment. */
    @TearDown(Level.Trial)
    public void close() {
      fixture.close();
    }
  }

  private static byte[] copy(ByteBuffer buffer) {
    byte[] bytes = new byte[buffer.remaining()];
    buffer.get(buffer.position(), bytes);
    return bytes;
  }

  private static IllegalStateException missing(String what) {
    return new IllegalStateException(what + ": key not found; the store was not loaded as expected");
  }

  // ---- (a) random get ----------------------------------------------------------------------

  /** Ferrite: value of a random key, as a new array. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public byte[] ferriteGet(FerriteReader s) {
    BenchData.key(s.gets.next(), s.key);
    byte[] value = s.tree.get(s.key);
    if (value == null) {
      throw missing("ferriteGet");
    }
    return value;
  }

  /** LMDB: value of a random key, copied out of the map into a new array (same work as Ferrite). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public byte[] lmdbGet(LmdbReader s) {
    BenchData.key(s.gets.next(), s.key);
    ByteBuffer value = s.dbi.get(s.txn, s.key);
    if (value == null) {
      throw missing("lmdbGet");
    }
    return copy(value);
  }

  /** LMDB: value of a random key, read in place (first 8 bytes only): lmdbjava's zero-copy idiom. */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public long lmdbGetZeroCopy(LmdbReader s) {
    BenchData.key(s.gets.next(), s.key);
    ByteBuffer value = s.dbi.get(s.txn, s.key);
    if (value == null) {
      throw missing("lmdbGetZeroCopy");
    }
    return value.getLong(value.position());
  }

  // ---- (d) range scan of 1,000 entries ------------------------------------------------------

  /** Ferrite: seek to a random key, read 1,000 entries (key and value copied). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int ferriteScan(FerriteReader s, Blackhole bh) {
    BenchData.key(s.scans.next(), s.key);
    Cursor cursor = s.tree.cursor();
    if (!cursor.seek(s.key)) {
      throw missing("ferriteScan");
    }
    int read = 0;
    do {
      bh.consume(cursor.key());
      bh.consume(cursor.value());
    } while (++read < BenchData.SCAN_LENGTH && cursor.next());
    return read;
  }

  /**
   * Ferrite: seek to a random key, read 1,000 entries through the cursor's zero-copy views (one
   * long of key and value each, the same work as {@link #lmdbScanZeroCopy}).
   */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int ferriteScanZeroCopy(FerriteReader s, Blackhole bh) {
    BenchData.key(s.scans.next(), s.key);
    Cursor cursor = s.tree.cursor();
    if (!cursor.seek(s.key)) {
      throw missing("ferriteScanZeroCopy");
    }
    int read = 0;
    do {
      ByteBuffer key = cursor.keyView();
      ByteBuffer value = cursor.valueView();
      bh.consume(key.getLong(0));
      bh.consume(value.getLong(0));
    } while (++read < BenchData.SCAN_LENGTH && cursor.next());
    return read;
  }

  /** LMDB: seek to a random key, read 1,000 entries (key and value copied, same work as Ferrite). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int lmdbScan(LmdbReader s, Blackhole bh) {
    BenchData.key(s.scans.next(), s.key);
    try (org.lmdbjava.Cursor<ByteBuffer> cursor = s.dbi.openCursor(s.txn)) {
      if (!cursor.get(s.key, GetOp.MDB_SET_RANGE)) {
        throw missing("lmdbScan");
      }
      int read = 0;
      do {
        bh.consume(copy(cursor.key()));
        bh.consume(copy(cursor.val()));
      } while (++read < BenchData.SCAN_LENGTH && cursor.next());
      return read;
    }
  }

  /** LMDB: seek to a random key, read 1,000 entries in place (8 bytes of key and of value). */
  @Benchmark
  @BenchmarkMode(Mode.Throughput)
  @OutputTimeUnit(TimeUnit.SECONDS)
  public int lmdbScanZeroCopy(LmdbReader s, Blackhole bh) {
    BenchData.key(s.scans.next(), s.key);
    try (org.lmdbjava.Cursor<ByteBuffer> cursor = s.dbi.openCursor(s.txn)) {
      if (!cursor.get(s.key, GetOp.MDB_SET_RANGE)) {
        throw missing("lmdbScanZeroCopy");
      }
      int read = 0;
      do {
        ByteBuffer key = cursor.key();
        ByteBuffer value = cursor.val();
        bh.consume(key.getLong(key.position()));
        bh.consume(value.getLong(value.position()));
      } while (++read < BenchData.SCAN_LENGTH && cursor.next());
      return read;
    }
  }

  // ---- (e) durable commit of one small put --------------------------------------------------

  /** Ferrite: overwrite one random key's value and commit (LOGGED, the default). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void ferriteCommitSmallPut(FerriteWriter s) {
    BenchData.key(s.puts.next(), s.key);
    BenchData.value(s.version++, s.value);
    try (WriteTransaction txn = s.fixture.store().beginWrite()) {
      txn.tree(FerriteFixture.TREE).put(s.key, s.value);
      txn.commit();
    }
  }

  /** LMDB: overwrite one random key's value and commit (default, durable flags). */
  @Benchmark
  @BenchmarkMode(Mode.AverageTime)
  @OutputTimeUnit(TimeUnit.MICROSECONDS)
  public void lmdbCommitSmallPut(LmdbWriter s) {
    BenchData.key(s.puts.next(), s.key);
    BenchData.value(s.version++, s.value);
    try (Txn<ByteBuffer> txn = s.env.txnWrite()) {
      s.dbi.put(txn, s.key, s.value);
      txn.commit();
    }
  }
}
