package dev.ferrite.sqltests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Runs the sqllogictest suite, or the files and directories named on the command line, with a
 * progress bar on stderr, and writes a per-directory table to a Markdown report and every
 * failure to a tab-separated file beside it.
 *
 * <pre>
 *   SltMain [--report FILE] [--timeout SECONDS] [--engine ferrite|h2] [all | test/select1.test | index/between ...]
 * </pre>
 */
public final class SltMain {
  private SltMain() {
  }

  public static void main(String[] args) throws IOException {
    Path report = Path.of("target/slt-report.md");
    int timeout = 60;
    String engine = "ferrite";
    List<String> selection = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--report":
          report = Path.of(args[++i]);
          break;
        case "--timeout":
          timeout = Integer.parseInt(args[++i]);
          break;
        case "--engine":
          engine = args[++i];
          break;
        default:
          selection.add(args[i]);
      }
    }
    List<String> files = SuiteFiles.select(selection);
    if (files.isEmpty()) {
      System.err.println("no test files match " + selection);
      System.exit(2);
    }
    SltRunner runner = new SltRunner(timeout, engine);
    List<FileResult> results = new ArrayList<>();
    // One line per finished file, written as the run goes, so a run stopped early still counts.
    Path progressFile = report.toAbsolutePath().getParent()
        .resolve(report.getFileName().toString().replaceAll("\\.md$", "") + "-files.tsv");
    Files.createDirectories(progressFile.getParent());
    Files.writeString(progressFile, "file\tqueries\tpassed\tseconds\n");
    long start = System.nanoTime();
    long queries = 0;
    long passed = 0;
    for (int i = 0; i < files.size(); i++) {
      FileResult r = runner.run(files.get(i));
      results.add(r);
      Files.writeString(progressFile, String.format(Locale.ROOT, "%s\t%d\t%d\t%.1f%n", r.file(), r.queries(),
          r.passedQueries(), r.seconds()), java.nio.file.StandardOpenOption.APPEND);
      queries += r.queries();
      passed += r.passedQueries();
      progress(i + 1, files.size(), queries, passed, (System.nanoTime() - start) / 1e9, files.get(i));
    }
    System.err.println();
    String table = Report.table(results);
    Path parent = report.toAbsolutePath().getParent();
    Files.createDirectories(parent);
    Files.writeString(report, "# sqllogictest run\n\nEngine: " + engine + ", files: " + files.size() + ", selection: "
        + (selection.isEmpty() ? "all" : String.join(" ", selection)) + ", query timeout " + timeout + " s\n\n"
        + table);
    Path failures = parent.resolve(report.getFileName().toString().replaceAll("\\.md$", "") + "-failures.tsv");
    Files.write(failures, Report.failures(results));
    System.out.print(table);
    System.out.println("report: " + report + ", failures: " + failures);
  }

  private static void progress(int done, int total, long queries, long passed, double seconds, String file) {
    int width = 30;
    int filled = (int) ((long) width * done / total);
    String bar = "=".repeat(filled) + (filled < width ? ">" : "") + " ".repeat(Math.max(0, width - filled - 1));
    System.err.printf(Locale.ROOT, "\r[%s] %d/%d files  %,d queries  %.2f%% passed  %.0f s  %-40.40s", bar, done,
        total, queries, queries == 0 ? 100.0 : 100.0 * passed / queries, seconds, file);
  }
}
