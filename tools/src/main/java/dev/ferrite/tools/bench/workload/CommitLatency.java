package dev.ferrite.tools.bench.workload;

import dev.ferrite.storage.nativeio.NativeIo;
import dev.ferrite.tools.bench.BackendCommitBenchmark;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;
import org.openjdk.jmh.util.Statistics;

/**
 * The per-backend commit latency against its physical floor: runs the existing JMH
 * {@link BackendCommitBenchmark} (one fork, short iterations) through JMH's API and turns its
 * sample-time percentiles into a report section. The CLWB + SFENCE floor needs libpmem and is
 * left out, and said so, when libpmem is not installed.
 */
final class CommitLatency {
  private CommitLatency() {
  }

  static Section run(Path benchDir) throws RunnerException {
    boolean libpmem = NativeIo.pmem() != null;
    String methods = "commit|floorPwriteFdatasync" + (libpmem ? "|floorClwbSfence" : "");
    Options options = new OptionsBuilder()
        .include(BackendCommitBenchmark.class.getName() + ".(" + methods + ")$")
        .forks(1).warmupIterations(2).warmupTime(TimeValue.seconds(1))
        .measurementIterations(3).measurementTime(TimeValue.seconds(2))
        // Replaces the class's own jvmArgsAppend, so its pmem switch is repeated here.
        .jvmArgsAppend("-Dferrite.pmem.force=true", "-Dferrite.bench.dir=" + benchDir)
        .verbosity(VerboseMode.SILENT).build();
    Collection<RunResult> results = new Runner(options).run();
    Table t = new Table(List.of("benchmark", "backend", "p50 µs", "p99 µs", "samples"));
    List<RunResult> sorted = new ArrayList<>(results);
    sorted.sort((a, b) -> label(a.getParams()).compareTo(label(b.getParams())));
    for (RunResult r : sorted) {
      Statistics s = r.getPrimaryResult().getStatistics();
      String backend = r.getParams().getParam("backend");
      t.add(List.of(method(r.getParams()), backend == null ? "—" : backend,
          String.format(Locale.ROOT, "%.1f", s.getPercentile(50)),
          String.format(Locale.ROOT, "%.1f", s.getPercentile(99)), String.valueOf(s.getN())));
    }
    String intro = "JMH BackendCommitBenchmark, 1 fork, 2 x 1 s warm-up, 3 x 2 s measured, sample time:"
        + " a one-row change in a 10,000-row tree committed on each backend; page/msync/none on "
        + benchDir + ", dax/fence on /dev/shm with -Dferrite.pmem.force=true (not durable there);"
        + " floorPwriteFdatasync = one 4 KiB pwrite + fdatasync on " + benchDir + "."
        + (libpmem ? " floorClwbSfence = libpmem flush + drain of 16 lines."
            : " libpmem is not installed, so the CLWB + SFENCE floor was not measured and dax"
                + " flushes through msync.");
    return new Section("Commit latency per durability backend", intro, t);
  }

  private static String method(BenchmarkParams p) {
    String b = p.getBenchmark();
    return b.substring(b.lastIndexOf('.') + 1);
  }

  private static String label(BenchmarkParams p) {
    return method(p) + " " + p.getParam("backend");
  }
}
