package dev.ferrite.tools.bench.workload;

import java.util.List;
import java.util.Random;

/** One of the workloads: what is timed on one engine in one repetition. */
public interface Workload {
  /** The id: W1, W2, W3, W4a, W4b, W5, W6. */
  String id();

  /** What it does, in a few words. */
  String title();

  /** The unit of its figure. */
  Unit unit();

  /** Runs once on {@code db} (its main connection already open) and returns the figure. */
  Measurement run(OpenEngine db, BenchConfig config, Random random) throws Exception;

  /** Whether it runs on {@code engine}: insert-only engines (Ferrite on /dev/shm) run W1 alone. */
  default boolean appliesTo(Engine engine) {
    return !engine.insertOnly();
  }

  /** W1–W6 in the order. */
  static List<Workload> all() {
    return List.of(new AutocommitInsert(), new BulkLoad(), new PointSelect(),
        TimedQuery.rangeAggregate(), TimedQuery.fullGroupBy(), TimedQuery.joinGroupBy(),
        new ReadUpdateMix());
  }
}
