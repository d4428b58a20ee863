package dev.ferrite.tools.bench;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.WriteTransaction;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * Issue 2's commit target measured as a ratio on a shared, drifting disk: a one-put commit on a
 * 1,000,000-entry store against the raw floor (4 KiB pwrite + fdatasync at a fixed offset of a
 * preallocated file in the same directory), <em>interleaved</em> in short blocks in one process,
 * so that both see the same disk load. Separate JMH forks minutes apart measured the floor
 * anywhere from 100 to 1,700 µs on this machine, which makes their ratio meaningless.
 *
 * <p>Each round runs a block of commits and a block of floor writes (alternating which goes
 * first) and keeps each block's median; the report is the median over rounds of the per-round
 * ratio, with the middle half of the ratios. Usage:
 * {@code java -cp ferrite-benchmarks.jar dev.ferrite.tools.bench.CommitPairs [rounds] [block]
 * [protocol] [entries] [log MiB] [warm-up commits]}, with {@code -Dferrite.bench.dir=DIR} for
 * where the files go.
 *
 * <p>The warm-up (10,000 commits by default, each paired with a floor write) is long enough for
 * the steady state: on this VM a per-commit probe showed the first ~8,000 commits after the
 * 1 M-row load 20–40 % slower (JIT compilation of the commit path, and first-touch faults of the
 * leaves in the freshly loaded mapping), and the earlier warm-up of 600 commits measured mostly
 * that (run 13).
 */
public final class CommitPairs {
  private static final int PAGE = 4096;

  private CommitPairs() {}

  /** Runs the rounds and prints one line per round and a summary. */
  public static void main(String[] args) throws IOException {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
    int block = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    CommitProtocol protocol = CommitProtocol.valueOf(args.length > 2 ? args[2] : "LOGGED");
    int entries = args.length > 3 ? Integer.parseInt(args[3]) : 1_000_000;
    long logBytes = args.length > 4 ? Long.parseLong(args[4]) << 20
        : StoreOptions.defaults().logBytes();
    int warmUp = args.length > 5 ? Integer.parseInt(args[5]) : 10_000;
    Path rawDir = BenchDirs.create("raw");
    try (FerriteFixture fixture = FerriteFixture.createCounting(
        StoreOptions.defaults().withCommitProtocol(protocol).withLogBytes(logBytes));
        FileChannel raw = CommitFloorBenchmark.preallocate(rawDir, 256L * PAGE)) {
      fixture.loadSorted(entries);
      Commits commits = new Commits(fixture, entries);
      ByteBuffer page = ByteBuffer.allocateDirect(PAGE);
      long[] ferrite = new long[block];
      long[] floor = new long[block];
      double[] ratios = new double[rounds];
      double[] meanRatios = new double[rounds];
      for (int warm = 0; warm < warmUp; warm++) {
        commits.one();
        floorWrite(raw, page, warm);
      }
      long syncs = fixture.counters().syncs();
      long durable = fixture.counters().durableWrites();
      long[] nanos = fixture.counters().nanos();
      for (int r = 0; r < rounds; r++) {
        if (r % 2 == 0) {
          time(commits, ferrite);
          timeFloor(raw, page, floor);
        } else {
          timeFloor(raw, page, floor);
          time(commits, ferrite);
        }
        long f = median(ferrite);
        long w = median(floor);
        ratios[r] = (double) f / w;
        meanRatios[r] = mean(ferrite) / mean(floor);
        System.out.printf(Locale.ROOT, "round %2d: commit %6.1f µs, floor %6.1f µs, ratio %.3f%n",
            r, f / 1e3, w / 1e3, ratios[r]);
      }
      double n = (double) rounds * block;
      Arrays.sort(ratios);
      Arrays.sort(meanRatios);
      System.out.printf(Locale.ROOT, "%s commit / raw pwrite+fdatasync: median over rounds of"
          + " the per-round ratio of medians %.3f (middle half %.3f-%.3f), of means %.3f (middle"
          + " half %.3f-%.3f); %d rounds of %d; per commit %.4f fdatasync, %.3f O_DSYNC writes%n",
          protocol, ratios[rounds / 2], ratios[rounds / 4], ratios[rounds * 3 / 4],
          meanRatios[rounds / 2], meanRatios[rounds / 4], meanRatios[rounds * 3 / 4], rounds,
          block, (fixture.counters().syncs() - syncs) / n,
          (fixture.counters().durableWrites() - durable) / n);
      long[] after = fixture.counters().nanos();
      System.out.printf(Locale.ROOT, "mean µs per commit in the region: pwrite in place %.1f,"
          + " O_DSYNC write %.1f, fdatasync %.1f%n", (after[0] - nanos[0]) / n / 1e3,
          (after[1] - nanos[1]) / n / 1e3, (after[2] - nanos[2]) / n / 1e3);
    } finally {
      BenchDirs.delete(rawDir);
    }
  }

  /** The same operation as {@code CommitFloorBenchmark.ferriteCommit}. */
  private static final class Commits {
    private final FerriteFixture fixture;
    private final BenchData.IndexStream puts;
    private final byte[] key = BenchData.newKey();
    private final byte[] value = BenchData.newValue();
    private long version;

    Commits(FerriteFixture fixture, int entries) {
      this.fixture = fixture;
      this.puts = new BenchData.IndexStream(entries, 42);
    }

    void one() {
      BenchData.key(puts.next(), key);
      BenchData.value(version++, value);
      try (WriteTransaction txn = fixture.store().beginWrite()) {
        txn.tree(FerriteFixture.TREE).put(key, value);
        txn.commit();
      }
    }
  }

  private static void time(Commits commits, long[] out) {
    for (int i = 0; i < out.length; i++) {
      long start = System.nanoTime();
      commits.one();
      out[i] = System.nanoTime() - start;
    }
  }

  private static void timeFloor(FileChannel raw, ByteBuffer page, long[] out) throws IOException {
    for (int i = 0; i < out.length; i++) {
      long start = System.nanoTime();
      floorWrite(raw, page, i);
      out[i] = System.nanoTime() - start;
    }
  }

  private static void floorWrite(FileChannel raw, ByteBuffer page, long version)
      throws IOException {
    page.putLong(0, version);
    page.clear();
    while (page.hasRemaining()) {
      raw.write(page, 8L * PAGE + page.position());
    }
    raw.force(false);
  }

  private static double mean(long[] values) {
    return Arrays.stream(values).average().orElse(0);
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
