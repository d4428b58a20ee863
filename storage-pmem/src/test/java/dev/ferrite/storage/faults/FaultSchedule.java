package dev.ferrite.storage.faults;

import java.util.EnumMap;
import java.util.Map;

/**
 * Decides which file operation fails: the k-th operation of one kind, either once (a transient
 * error) or from then on (a dead disk, a full file system). Counts every operation, so a dry run
 * with no fault tells how many k there are.
 */
final class FaultSchedule {
  /** The kinds of file operation that can fail, counted separately. */
  enum Operation {
    /** {@code pwrite} of pages (page and none backends). */
    WRITE,
    /** {@code fdatasync}, {@code msync} or cache-line write-back: anything that makes data durable. */
    SYNC,
    /** Extending the file with zeros. */
    EXTEND,
    /** Mapping the extended file. */
    MAP
  }

  /** The fault to inject: the {@code k}-th {@code operation} (1-based) fails with {@code errno}. */
  record Fault(Operation operation, int k, Errno errno, boolean persistent) {
    @Override
    public String toString() {
      return operation + " #" + k + " " + errno + (persistent ? " persistent" : " once");
    }
  }

  private final Fault fault;
  private final Map<Operation, Integer> counts = new EnumMap<>(Operation.class);
  private int injected;

  private FaultSchedule(Fault fault) {
    this.fault = fault;
  }

  /** A schedule that only counts. */
  static FaultSchedule counting() {
    return new FaultSchedule(null);
  }

  /** A schedule that injects {@code fault}. */
  static FaultSchedule failing(Fault fault) {
    return new FaultSchedule(fault);
  }

  /** Counts one {@code operation}; returns the error it must fail with, or null to let it run. */
  Errno next(Operation operation) {
    int n = counts.merge(operation, 1, Integer::sum);
    if (fault == null || fault.operation() != operation
        || n < fault.k() || (n > fault.k() && !fault.persistent())) {
      return null;
    }
    injected++;
    return fault.errno();
  }

  /** How many operations of this kind ran or were attempted. */
  int count(Operation operation) {
    return counts.getOrDefault(operation, 0);
  }

  /** How many operations failed by injection. */
  int injected() {
    return injected;
  }
}
