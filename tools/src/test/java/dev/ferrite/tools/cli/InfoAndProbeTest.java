package dev.ferrite.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferrite info} and {@code ferrite probe} on real files. */
class InfoAndProbeTest {
  @TempDir
  Path dir;

  @Test
  void infoShowsTheFileItsTreesAndItsTables() throws Exception {
    Path db = dir.resolve("info.db");
    Databases.fill(db, 1234);
    Cli.Result r = Cli.run("info", db.toString());
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("file:               " + db.toAbsolutePath() + "\n"
        + "format version:     2\n"), out);
    assertTrue(out.contains("\ncommit log:         1,024 pages\n"), out);
    assertTrue(out.contains("\npage size:          4,096 bytes\n"), out);
    assertTrue(out.matches("(?s).*\nfile size:          [0-9,]+ bytes \\([0-9,]+ pages in use, "
        + "[0-9,]+ bytes\\)\nlast transaction:   [0-9]+\n.*"), out);
    assertTrue(out.contains("durability (recorded at the last read-write open):\n  backend: "),
        out);
    assertTrue(out.contains("\nTrees:\n Tree "), out);
    assertTrue(out.contains(" sys.catalog "), out);
    assertTrue(out.endsWith("""
        Tables:
         Table      | Rows
        ------------+------
         READINGS   | 1234
         HOT (view) |  108
        """), out);
  }

  @Test
  void infoOnAForeignFileIsAnErrorWithoutStackTrace() throws Exception {
    Path foreign = Files.write(dir.resolve("zeros.bin"), new byte[3 * 4096]);
    Files.writeString(foreign, "PK\u0003\u0004 a zip file");
    Cli.Result r = Cli.run("info", foreign.toString());
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.err().startsWith("ERROR [NOT_A_DATABASE]: "), r.err());
    assertEquals(1, r.err().lines().count(), r.err());
  }

  @Test
  void infoAndVerifyNeedAFile() {
    for (String command : new String[] {"info", "verify"}) {
      Cli.Result r = Cli.run(command, "mem:scratch");
      assertEquals(1, r.exit(), r.toString());
      assertTrue(r.err().startsWith("ERROR: mem:scratch is an in-memory database"), r.err());
    }
  }

  @Test
  void probeReportsTheBoundaryTheBackendAndTheCommitCost() throws Exception {
    Cli.Result r = Cli.run("probe", dir.toString(), "--commits", "30");
    assertEquals(0, r.exit(), r.toString());
    String out = r.out();
    assertTrue(out.startsWith("Persistence boundary of " + dir.toRealPath() + ":\n  durability: "),
        out);
    assertTrue(out.contains("\n  MAP_SYNC: "), out);
    assertTrue(out.contains("\n  mount: "), out);
    assertTrue(out.contains("A database here with durability=auto uses:\n  backend: "), out);
    assertTrue(out.contains("\n  guarantee: "), out);
    assertTrue(out.matches("(?s).*Cost of one durable commit \\(30 single-row autocommit INSERTs "
        + "through JDBC\\):\n  median [0-9.]+ (us|ms), p90 .*commits/s\\)\n"), out);
    try (var files = Files.list(dir)) {
      assertEquals(0, files.count(), "the scratch database is deleted");
    }
  }

  @Test
  void probeMeasuresAChosenBackendAndRejectsBadArguments() throws Exception {
    Cli.Result none = Cli.run("probe", dir.toString(), "--commits", "10", "--durability", "none");
    assertEquals(0, none.exit(), none.toString());
    assertTrue(none.out().contains("durability=none uses:\n  backend: none\n"), none.out());
    Cli.Result bogus = Cli.run("probe", dir.toString(), "--durability", "maybe");
    assertEquals(1, bogus.exit());
    assertTrue(bogus.err().startsWith("ERROR: unknown durability 'maybe'"), bogus.err());
    Cli.Result notDir = Cli.run("probe", dir.resolve("absent").toString());
    assertEquals(1, notDir.exit());
    assertEquals("ERROR: not a directory: " + dir.resolve("absent") + "\n", notDir.err());
  }
}
