package dev.ferrite.tools.bench.sql;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Cold start: from JVM start to the first query result, in fresh child JVMs. The parent creates
 * a small database file per peer, then starts {@code runs} children per peer, interleaved, each
 * timing open + first SELECT from the JVM's own start time, and prints medians.
 *
 * <pre>
 *   java -cp tools/target/ferrite-benchmarks.jar dev.ferrite.tools.bench.sql.ColdStart 11
 * </pre>
 */
public final class ColdStart {
  private ColdStart() {
  }

  public static void main(String[] args) throws Exception {
    if (args.length == 2 && args[0].equals("--child")) {
      child(args[1]);
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    System.out.println("JVM start to first query result, median of " + runs + " child JVMs (ms):");
    for (Result r : measure(runs, Path.of(System.getProperty("user.dir")))) {
      System.out.printf(Locale.ROOT, "  %-8s %7.0f   (min %.0f, max %.0f)%n", r.peer(), r.medianMs(),
          r.minMs(), r.maxMs());
    }
  }

  /** One peer's cold-start times over the child JVMs, in milliseconds. */
  public record Result(String peer, double medianMs, double minMs, double maxMs) {
  }

  /**
   * Creates a one-row database per peer in a temporary directory under {@code parent}, then
   * starts {@code runs} child JVMs per peer, interleaved, each on this JVM's class path.
   */
  public static List<Result> measure(int runs, Path parent) throws Exception {
    Path dir = Files.createTempDirectory(Files.createDirectories(parent), "coldstart");
    try {
      String[][] peers = {
          {"ferrite", "jdbc:ferrite:" + dir.resolve("c.ferrite")},
          {"h2", "jdbc:h2:" + dir.resolve("c-h2")},
          {"sqlite", "jdbc:sqlite:" + dir.resolve("c.sqlite")},
          {"hsqldb", "jdbc:hsqldb:file:" + dir.resolve("c-hsql") + ";shutdown=true"}};
      for (String[] p : peers) {
        try (Connection c = DriverManager.getConnection(p[1])) {
          c.createStatement().execute("CREATE TABLE t(id INTEGER PRIMARY KEY, v VARCHAR(20))");
          c.createStatement().execute("INSERT INTO t VALUES (1, 'one')");
        }
      }
      List<List<Double>> times = new ArrayList<>();
      for (String[] p : peers) {
        times.add(new ArrayList<>());
      }
      for (int r = 0; r < runs; r++) {
        for (int i = 0; i < peers.length; i++) {
          times.get(i).add(runChild(peers[i][1]));
        }
      }
      List<Result> results = new ArrayList<>();
      for (int i = 0; i < peers.length; i++) {
        List<Double> t = times.get(i);
        Collections.sort(t);
        results.add(new Result(peers[i][0], t.get(t.size() / 2), t.get(0), t.get(t.size() - 1)));
      }
      return results;
    } finally {
      Peer.deleteTree(dir);
    }
  }

  private static double runChild(String url) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), ColdStart.class.getName(),
        "--child", url).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes()).trim();
    if (p.waitFor() != 0) {
      throw new IllegalStateException("child failed: " + out);
    }
    String last = out.substring(out.lastIndexOf('\n') + 1);
    return Double.parseDouble(last);
  }

  private static void child(String url) throws Exception {
    try (Connection c = DriverManager.getConnection(url);
        ResultSet rs = c.createStatement().executeQuery("SELECT v FROM t WHERE id = 1")) {
      rs.next();
      rs.getString(1);
    }
    long start = ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println(System.currentTimeMillis() - start);
  }
}
