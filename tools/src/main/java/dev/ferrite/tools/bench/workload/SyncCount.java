package dev.ferrite.tools.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * Counts the fsync-family system calls an engine makes per autocommit insert, from outside, for
 * every engine alike: a child JVM opens a fresh database of the engine and makes {@code n}
 * autocommit single-row inserts under {@code strace -f -c}; two children with {@link #FEW} and
 * {@link #MANY} inserts are compared, so what opening, creating and closing cost cancels out and
 * the difference divided by the extra commits is the per-commit figure. A sync an engine leaves
 * to a background thread on a timer (H2) is counted only if it happens while the child runs.
 */
final class SyncCount {
  static final int FEW = 100;
  static final int MANY = 300;
  /** The calls that make data durable: fsync, fdatasync, msync, sync_file_range, syncfs. */
  static final Set<String> SYNC_CALLS = Set.of("fsync", "fdatasync", "msync", "sync_file_range", "syncfs");

  private SyncCount() {
  }

  /** Whether strace can be run here. */
  static boolean available() {
    try {
      Process p = new ProcessBuilder("strace", "-V").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** "1.00 (fdatasync +200 over 200 extra commits)" for a fresh engine like {@code engine}. */
  static String measure(Engine engine) throws IOException, InterruptedException {
    // Beside the engine's own directory, so on the same file system (a disk, or /dev/shm).
    Path scratch = Files.createDirectories(engine.dir().getParent().resolve("sync-count"));
    Map<String, Long> few = run(engine, scratch, FEW);
    Map<String, Long> many = run(engine, scratch, MANY);
    long extra = 0;
    StringJoiner which = new StringJoiner(", ");
    for (Map.Entry<String, Long> e : many.entrySet()) {
      long d = e.getValue() - few.getOrDefault(e.getKey(), 0L);
      if (d != 0) {
        extra += d;
        which.add(e.getKey() + " " + (d > 0 ? "+" : "") + d);
      }
    }
    return String.format(Locale.ROOT, "%.2f (%s over %d extra commits)", (double) extra / (MANY - FEW),
        extra == 0 ? "no extra calls" : which, MANY - FEW);
  }

  private static Map<String, Long> run(Engine engine, Path scratch, int commits) throws IOException, InterruptedException {
    Engine fresh = Engine.fromSpec(engine.spec().substring(0, engine.spec().lastIndexOf('|') + 1)
        + Engine.newDir(scratch, engine.name() + "-" + commits));
    Path trace = Files.createTempFile(scratch, "strace-", ".txt");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    List<String> cmd = new ArrayList<>(List.of("strace", "-f", "-c", "-o", trace.toString(),
        "-e", "trace=" + String.join(",", SYNC_CALLS), java, "-Xmx1g"));
    if (engine.insertOnly()) {
      cmd.add("-Dferrite.pmem.force=true");
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), SyncCount.class.getName(),
        fresh.spec(), String.valueOf(commits)));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes());
    if (p.waitFor() != 0) {
      throw new IOException("strace child for " + engine.name() + " failed: " + output);
    }
    return parse(Files.readAllLines(trace));
  }

  /** The "calls" column of {@code strace -c} output for each of {@link #SYNC_CALLS} it lists. */
  static Map<String, Long> parse(List<String> lines) {
    Map<String, Long> calls = new TreeMap<>();
    for (String line : lines) {
      String[] f = line.trim().split("\\s+");
      // "% time  seconds  usecs/call  calls  [errors]  syscall": calls is the fourth column.
      if (f.length >= 5 && SYNC_CALLS.contains(f[f.length - 1]) && f[3].matches("\\d+")) {
        calls.merge(f[f.length - 1], Long.parseLong(f[3]), Long::sum);
      }
    }
    return calls;
  }

  /** The child: {@code SyncCount SPEC N} makes N autocommit inserts into a fresh database. */
  public static void main(String[] args) throws Exception {
    Engine engine = Engine.fromSpec(args[0]);
    int commits = Integer.parseInt(args[1]);
    try (Connection c = engine.connect()) {
      Schema.createRowTable(engine, c, "ins");
      try (PreparedStatement p = c.prepareStatement("INSERT INTO ins VALUES (?, ?, ?, ?)")) {
        for (int i = 0; i < commits; i++) {
          Schema.bind(p, i);
          p.executeUpdate();
        }
      }
    }
  }
}
