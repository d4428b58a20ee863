package dev.ferrite.tools.bench.workload;

/**
 * The scale and repetition settings of one run.
 *
 * @param rows rows of {@code t} (and of each W2 load)
 * @param reps measured repetitions
 * @param warmups repetitions run first and discarded (JIT, caches, file growth)
 * @param seconds length of each timed phase of W1, W3 and W6
 * @param querySeconds minimum time each query workload (W4, W5) runs per repetition; at least
 *     two executions are timed
 * @param seed seed of every random choice (ids to read and update), so runs repeat
 */
public record BenchConfig(int rows, int reps, int warmups, double seconds, double querySeconds,
    long seed) {
  /** Full scale: 1,000,000 rows, 5 measured repetitions after 1 warm-up, 3 s phases. */
  public static BenchConfig full() {
    return new BenchConfig(1_000_000, 5, 1, 3, 1, 42);
  }

  /** A smoke run: 100,000 rows, 2 repetitions after 1 warm-up, 1 s phases. */
  public static BenchConfig quick() {
    return new BenchConfig(100_000, 2, 1, 1, 0.3, 42);
  }

  long phaseNanos() {
    return (long) (seconds * 1e9);
  }

  long queryNanos() {
    return (long) (querySeconds * 1e9);
  }
}
