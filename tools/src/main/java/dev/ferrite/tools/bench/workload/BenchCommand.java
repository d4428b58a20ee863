package dev.ferrite.tools.bench.workload;

import dev.ferrite.tools.bench.BenchDirs;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ferrite bench}: runs W1–W6 on Ferrite and its peers, prints the tables and writes the
 * report directory. It lives in the benchmark jar (the peers' drivers are not in ferrite.jar);
 * the {@code ./ferrite} launcher sends {@code bench} here. Exit status 1 if a correctness check
 * failed, so a smoke run in a script notices.
 */
@Command(name = "ferrite bench", mixinStandardHelpOptions = true, versionProvider = BenchCommand.Version.class,
    description = {"Side-by-side workloads W1-W6 (issue 9) through JDBC: Ferrite,",
        "SQLite (WAL, FULL), H2 and HSQLDB (write_delay=false) on file",
        "databases, interleaved, warm-up discarded, medians with min-max,",
        "ratios Ferrite/peer, the issue's targets judged. Prints the tables;",
        "writes report.md, report.html (SVG chart) and raw.csv to --out.",
        ""},
    footer = {"", "Exit status: 0 success, 1 a correctness check failed or an error."})
public final class BenchCommand implements Callable<Integer> {
  @Option(names = "--dir", paramLabel = "DIR",
      description = "Where the databases go (a disk, not tmpfs). Default: ${java.io.tmpdir}/ferrite-bench.")
  Path dir = Path.of(System.getProperty("java.io.tmpdir"), "ferrite-bench");

  @Option(names = "--out", paramLabel = "DIR",
      description = "Report directory. Default: tools/target/bench-report from the repository root, else target/bench-report.")
  Path out;

  @Option(names = "--quick", description = "Smoke run: 100,000 rows, 1 warm-up + 2 repetitions, 1 s phases.")
  boolean quick;

  @Option(names = "--rows", description = "Rows of t and of each W2 load (default 1,000,000).")
  Integer rows;

  @Option(names = "--reps", description = "Measured repetitions (default 5).")
  Integer reps;

  @Option(names = "--warmups", description = "Warm-up repetitions, discarded (default 1).")
  Integer warmups;

  @Option(names = "--seconds", description = "Length of the timed phases of W1, W3, W6 (default 3).")
  Double seconds;

  @Option(names = "--query-seconds", description = "Minimum time per repetition of W4, W5 (default 1).")
  Double querySeconds;

  @Option(names = "--engines", split = ",", paramLabel = "NAME",
      description = "Engines to run (default ferrite,sqlite,h2,hsqldb).")
  List<String> engines = List.of("ferrite", "sqlite", "h2", "hsqldb");

  @Option(names = "--workloads", split = ",", paramLabel = "ID",
      description = "Workloads to run: W1,W2,W3,W4a,W4b,W5,W6 (default all).")
  List<String> workloads;

  @Option(names = "--ferrite-durability", paramLabel = "MODE",
      description = "Ferrite's durability for all workloads (default auto).")
  String ferriteDurability = "auto";

  @Option(names = "--pmem", split = ",", paramLabel = "MODE",
      description = "Also run W1 on Ferrite with these durabilities on --pmem-dir with"
          + " -Dferrite.pmem.force (not durable; W1's second target). Default dax,fence; none to skip.")
  List<String> pmem = List.of("dax", "fence");

  @Option(names = "--pmem-dir", paramLabel = "DIR", description = "Directory for --pmem (default /dev/shm).")
  Path pmemDir = Path.of("/dev/shm");

  @Option(names = "--count-syncs", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "Count fsync-family calls per commit of every engine with strace in child JVMs"
          + " (default: on when strace is installed).")
  boolean countSyncs;

  @Option(names = "--cold-start", arity = "0..1", fallbackValue = "7", paramLabel = "RUNS",
      description = "Also measure JVM start to first query result (RUNS child JVMs per engine, default 7).")
  Integer coldStart;

  @Option(names = "--commit-latency", description = "Also run the JMH per-backend commit latency (about 1.5 min).")
  boolean commitLatency;

  @Option(names = "--seed", description = "Seed of the random ids (default 42).")
  long seed = 42;

  @Option(names = "--keep", description = "Keep the database files.")
  boolean keep;

  /** The version of the jar (from its manifest when packaged). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = BenchCommand.class.getPackage().getImplementationVersion();
      return new String[] {"ferrite bench " + (v == null ? "(development build)" : v)};
    }
  }

  private final String command;
  private final PrintStream stdout;
  private final PrintStream log;
  private Results results;

  BenchCommand(String command, PrintStream stdout, PrintStream log) {
    this.command = command;
    this.stdout = stdout;
    this.log = log;
  }

  /** Runs {@code ferrite bench ARGS} and exits with its status. */
  public static void main(String[] args) {
    BenchCommand c = new BenchCommand("ferrite bench " + String.join(" ", args), System.out, System.err);
    System.exit(new CommandLine(c).execute(args));
  }

  /** The results of the last {@link #call} (for tests). */
  Results results() {
    return results;
  }

  BenchConfig config() {
    BenchConfig base = quick ? BenchConfig.quick() : BenchConfig.full();
    return new BenchConfig(rows != null ? rows : base.rows(), reps != null ? reps : base.reps(),
        warmups != null ? warmups : base.warmups(), seconds != null ? seconds : base.seconds(),
        querySeconds != null ? querySeconds : base.querySeconds(), seed);
  }

  Path out() {
    if (out != null) {
      return out;
    }
    return Files.isDirectory(Path.of("tools", "target")) ? Path.of("tools", "target", "bench-report")
        : Path.of("target", "bench-report");
  }

  private List<Workload> selectedWorkloads() {
    List<Workload> all = Workload.all();
    if (workloads == null) {
      return all;
    }
    List<Workload> chosen = new ArrayList<>();
    for (String id : workloads) {
      Workload w = all.stream().filter(x -> x.id().equalsIgnoreCase(id)).findFirst()
          .orElseThrow(() -> new IllegalArgumentException("unknown workload " + id));
      chosen.add(w);
    }
    return chosen;
  }

  @Override
  public Integer call() throws Exception {
    BenchConfig config = config();
    List<Workload> chosen = selectedWorkloads();
    Path runDir = Engine.newDir(dir, "run");
    Path pmemRunDir = null;
    List<Engine> list = new ArrayList<>();
    for (String name : engines) {
      list.add(Engine.of(name, runDir, ferriteDurability));
    }
    boolean runPmem = chosen.stream().anyMatch(w -> w.id().equals("W1")) && !pmem.contains("none")
        && Files.isDirectory(pmemDir);
    if (runPmem) {
      pmemRunDir = Engine.newDir(pmemDir, "ferrite-bench");
      for (String mode : pmem) {
        list.add(Engine.ferrite(Engine.newDir(pmemRunDir, "ferrite-" + mode), mode));
      }
    }
    Map<String, String> facts = MachineFacts.collect(runDir, command);
    if (runPmem) {
      facts.put("pmem directory", pmemRunDir + " on " + MachineFacts.mountOf(pmemRunDir));
    }
    try {
      try (Harness h = Harness.open(list, chosen, config, log)) {
        results = h.run();
      }
      facts.put("load average at end", Files.readString(Path.of("/proc/loadavg")).trim());
      Report report = new Report(results, facts, syncCounts(list, chosen));
      if (coldStart != null) {
        log.println("cold start: " + coldStart + " child JVMs per engine...");
        report.add(extra("Cold start", () -> ColdStartSection.run(coldStart, runDir)));
      }
      if (commitLatency) {
        log.println("commit latency per backend (JMH, about 1.5 min)...");
        report.add(extra("Commit latency per durability backend", () -> CommitLatency.run(runDir)));
      }
      report.add(new Section("Other measurements", "Cold start: ferrite bench --cold-start (or java -cp"
          + " tools/target/ferrite-benchmarks.jar dev.ferrite.tools.bench.sql.ColdStart 7). Commit latency"
          + " per backend: ferrite bench --commit-latency (or java -jar tools/target/ferrite-benchmarks.jar"
          + " BackendCommit). Commit vs the physical floor: java -jar tools/target/ferrite-benchmarks.jar"
          + " CommitFloorBenchmark. See docs/benchmarks.md.", null));
      stdout.print(report.text());
      ReportFiles.write(out(), report, results);
      stdout.println("\nreport: " + out().toAbsolutePath().resolve("report.html") + " (also report.md, raw.csv)");
      return results.anyCheckFailed() ? 1 : 0;
    } finally {
      if (!keep) {
        BenchDirs.delete(runDir);
        BenchDirs.delete(pmemRunDir);
      }
    }
  }

  /** Something that measures an extra section. */
  private interface Extra {
    Section run() throws Exception;
  }

  /**
   * Runs an extra measurement; if it fails (JMH refuses to run while another JMH run holds its
   * lock, say), the report says so instead of the workload results being lost with it.
   */
  private Section extra(String title, Extra extra) {
    try {
      return extra.run();
    } catch (Exception e) {
      log.println(title + " failed: " + e);
      return new Section(title, "Not measured: " + e, null);
    }
  }

  private Map<Engine, String> syncCounts(List<Engine> list, List<Workload> chosen) {
    Map<Engine, String> counts = new LinkedHashMap<>();
    if (!countSyncs || chosen.stream().noneMatch(w -> w.id().equals("W1"))) {
      return counts;
    }
    if (!SyncCount.available()) {
      log.println("strace is not installed: fsync-family calls per commit are not counted");
      return counts;
    }
    for (Engine e : list) {
      log.printf(Locale.ROOT, "counting syncs of %s under strace (%d and %d commits)...%n", e.name(),
          SyncCount.FEW, SyncCount.MANY);
      try {
        counts.put(e, SyncCount.measure(e));
      } catch (Exception ex) {
        counts.put(e, "not counted: " + ex.getMessage());
      }
    }
    return counts;
  }
}
