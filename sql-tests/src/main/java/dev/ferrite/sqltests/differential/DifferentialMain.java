package dev.ferrite.sqltests.differential;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Map;

/**
 * The long mode: {@code DifferentialMain [--seed N] [--queries N] [--threads N] [--known FILE]}
 * (threads default to the processors; the report does not depend on them). Prints progress
 * every ten seconds, each new finding as soon as it is reduced, and at the end the summary and
 * every finding, marking those the known-differences file lists. Exits 1 if a finding is not
 * listed, 0 otherwise.
 */
public final class DifferentialMain {
  private DifferentialMain() {
  }

  public static void main(String[] args) throws IOException, SQLException {
    long seed = 42;
    long queries = 10_000;
    int threads = Runtime.getRuntime().availableProcessors();
    Map<String, String> known = Map.of();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--seed" -> seed = Long.parseLong(args[++i]);
        case "--queries" -> queries = Long.parseLong(args[++i].replace("_", "").replace(",", ""));
        case "--threads" -> threads = Integer.parseInt(args[++i]);
        case "--known" -> known = KnownDifferences.parse(Files.readString(Path.of(args[++i]), StandardCharsets.UTF_8));
        default -> {
          System.err.println("usage: DifferentialMain [--seed N] [--queries N] [--threads N] [--known FILE]");
          System.exit(2);
        }
      }
    }
    long start = System.nanoTime();
    Report report = new Campaign(seed, threads, known.keySet(), System.out::println).run(queries);
    System.out.println();
    int unknown = 0;
    for (Finding f : report.findings()) {
      String reason = known.get(f.signature());
      unknown += reason == null ? 1 : 0;
      System.out.println((reason == null ? "NEW " : "known (" + reason + ") ") + f.describe());
      System.out.println();
    }
    System.out.println(report.summary() + ", not in the known list: " + unknown + ", skipped: " + report.skipped()
        + ", databases: " + report.databases() + ", " + (System.nanoTime() - start) / 1_000_000 + " ms");
    System.exit(unknown == 0 ? 0 : 1);
  }
}
