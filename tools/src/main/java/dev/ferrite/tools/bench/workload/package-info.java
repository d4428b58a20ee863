/**
 * {@code ferrite bench}: the side-by-side workloads W1–W6 of issue 9, run through JDBC
 * {@code PreparedStatement}s against Ferrite and, in the same JVM and the same run, against
 * SQLite (xerial), H2 and HSQLDB, each on a file database with its durability setting stated.
 *
 * <p>Why one JVM and interleaving: these machines are shared and noisy, so a figure is only
 * meaningful next to a peer measured at the same moment. Every repetition runs each workload on
 * every engine in a rotated order; the first repetition is a discarded warm-up; the report gives
 * medians with min–max and ratios Ferrite/peer.
 *
 * <p>Pieces: {@link dev.ferrite.tools.bench.workload.Engine} (a database under test and its
 * durability setting), {@link dev.ferrite.tools.bench.workload.Workload} and its implementations
 * (what is timed, each checked against the data), {@link dev.ferrite.tools.bench.workload.Harness}
 * (the repetition loop), {@link dev.ferrite.tools.bench.workload.Results},
 * {@link dev.ferrite.tools.bench.workload.Stats} and {@link dev.ferrite.tools.bench.workload.Target}
 * (medians, ratios, the targets), {@code Report} and {@code ReportFiles} (stdout tables;
 * report.md, report.html with an SVG chart, raw.csv), {@code SyncCount} (fsync-family calls per
 * commit, counted with strace in child JVMs) and
 * {@link dev.ferrite.tools.bench.workload.BenchCommand} (the command line). How to run it and the
 * recorded results: {@code docs/tools.md} and {@code docs/benchmarks.md} section 9.
 */
package dev.ferrite.tools.bench.workload;
