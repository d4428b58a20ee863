package dev.ferrite.tools.bench.workload;

/**
 * One timed run of one workload on one engine.
 *
 * @param value the figure in the workload's {@link Unit}
 * @param ops operations completed (commits, rows, queries, reads + updates)
 * @param writes rows the engine acknowledged inserting or updating (W1, W2, W6), else 0
 * @param retries operations retried after a serialization/busy error (W6), else 0
 * @param syncs syncs the engine counted itself during the run (Ferrite on PAGE), or -1
 * @param commits commits the engine counted itself during the run, or -1
 * @param check the result of a correctness check done after the run ("" if none), e.g. W2's
 *     row count or W6's sum; a failed check starts with "FAILED"
 */
public record Measurement(double value, long ops, long writes, long retries, long syncs, long commits,
    String check) {
  /** A figure with no counters and no check. */
  static Measurement of(double value, long ops) {
    return new Measurement(value, ops, 0, 0, -1, -1, "");
  }

  /** Whether a check was done and failed. */
  public boolean failed() {
    return check.startsWith("FAILED");
  }
}
