package dev.ferrite.storage.faults;

import dev.ferrite.storage.faults.FaultRun.Backend;
import dev.ferrite.storage.faults.FaultSchedule.Fault;
import dev.ferrite.storage.faults.FaultSchedule.Operation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * SQLite's I/O-error loop for one backend: a dry run counts the workload's operations of each
 * kind, then for every kind, every k, both errors and both durations, a fresh file is run with
 * the k-th operation failing.
 */
final class FaultCampaign {
  private final Path file;
  private final Backend backend;
  private final List<String> violations = new ArrayList<>();
  private int runs;
  private int injections;
  private int maxK;

  /** A campaign on {@code file}, created afresh for each run and deleted after it. */
  FaultCampaign(Path file, Backend backend) {
    this.file = file;
    this.backend = backend;
  }

  /** Runs the campaign; returns this, with its counts and violations. */
  FaultCampaign run() {
    FaultRun dry = new FaultRun(file, backend, FaultSchedule.counting(), backend + " dry run");
    violations.addAll(dry.execute());
    delete();
    for (Operation operation : Operation.values()) {
      int count = dry.schedule().count(operation);
      maxK = Math.max(maxK, count);
      for (int k = 1; k <= count; k++) {
        for (Errno errno : Errno.values()) {
          runWith(new Fault(operation, k, errno, false));
          runWith(new Fault(operation, k, errno, true));
        }
      }
    }
    return this;
  }

  private void runWith(Fault fault) {
    FaultSchedule schedule = FaultSchedule.failing(fault);
    violations.addAll(new FaultRun(file, backend, schedule, backend + " " + fault).execute());
    runs++;
    injections += schedule.injected();
    delete();
  }

  private void delete() {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  List<String> violations() {
    return violations;
  }

  /** Runs with a fault, one per (kind, k, error, duration). */
  int runs() {
    return runs;
  }

  /** Operations that failed by injection, over all runs. */
  int injections() {
    return injections;
  }

  /** The largest k: the most operations of one kind in the workload. */
  int maxK() {
    return maxK;
  }
}
