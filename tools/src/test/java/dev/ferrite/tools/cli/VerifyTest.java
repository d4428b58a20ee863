package dev.ferrite.tools.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.Cursor;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ferrite verify}: healthy files pass, damaged and foreign ones exit 2 and say why. */
class VerifyTest {
  @TempDir
  Path dir;

  @Test
  void healthyDatabaseExitsZeroAfterCheckingTablesIndexesAndViews() throws Exception {
    Path db = dir.resolve("ok.db");
    Databases.fill(db, 5000);
    Cli.Result r = Cli.run("verify", db.toString());
    assertEquals(0, r.exit(), r.toString());
    assertTrue(r.out().startsWith("verifying " + db + "\nstorage: transaction "), r.out());
    assertTrue(r.out().contains("  READINGS: 5000 rows, index READINGS_SENSOR 5000 entries\n"),
        r.out());
    assertTrue(r.out().contains("  HOT (view): 450 rows\n"), r.out());
    assertTrue(r.out().endsWith("OK: " + db + " is healthy\n"), r.out());
  }

  /** On a terminal the progress lines are erased before the report is printed, never mixed in. */
  @Test
  void progressNeverSharesALineWithTheReport() throws Exception {
    Path db = dir.resolve("screen.db");
    Databases.fill(db, 2000);
    String screen = Cli.runOnTerminal("verify", db.toString());
    assertTrue(screen.contains("\n  READINGS: 2000 rows, index READINGS_SENSOR 2000 entries\n"),
        screen);
    assertFalse(screen.contains("checking"), screen);
    assertTrue(screen.endsWith(" is healthy\n"), screen);
  }

  /**
   * Bytes flipped in the middle of the file: a page of the newest (and only big) commit. The
   * store then opens at the previous commit, which verifies clean on its own; verify must still
   * say the newest commit is damaged.
   */
  @Test
  void flippedBytesInTheMiddleExitTwoWithAClearMessage() throws Exception {
    Path db = dir.resolve("flip.db");
    Databases.fill(db, 20_000);
    Path copy = Files.copy(db, dir.resolve("flip-copy.db"));
    long page = Databases.middleDataPage(copy);
    Databases.damagePage(copy, page);
    Cli.Result r = Cli.run("verify", copy.toString());
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.out().contains("CORRUPT: "), r.out());
    assertTrue(r.out().contains("page " + page), "names the damaged page: " + r.out());
    assertFalse(r.err().contains("\tat "), r.err());
    assertEquals(0, Cli.run("verify", db.toString()).exit(), "the original is intact");
  }

  /** Damage to a page an older commit wrote, still in use: found by the page checks. */
  @Test
  void damagedOlderPageIsFoundByThePageChecks() throws Exception {
    Path db = dir.resolve("old.db");
    Databases.fill(db, 20_000);
    long middle = Databases.middleDataPage(db);
    // A small commit after the big one: the damaged page is no longer the newest commit's.
    assertEquals(0, Cli.run("shell", db.toString(), "-c",
        "INSERT INTO readings VALUES (-1, 'late', 1)").exit());
    Databases.damagePage(db, middle);
    Cli.Result r = Cli.run("verify", db.toString());
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.out().contains("CORRUPT: "), r.out());
    assertTrue(r.out().contains("page " + middle), r.out());
    assertFalse(r.out().contains("the newest commit"), r.out());
  }

  /**
   * An index missing an entry while the storage itself is sound (every page and tree valid):
   * only counting through the index finds it. The entry is deleted with the storage API, from
   * the one index tree (the engine names them {@code i.<id>}).
   */
  @Test
  void indexMissingAnEntryIsFoundByCountingThroughIt() throws Exception {
    Path db = dir.resolve("index.db");
    Databases.fill(db, 3000);
    try (Store store = Store.open(db, StoreOptions.defaults());
         WriteTransaction txn = store.beginWrite()) {
      String index = txn.treeNames().stream().filter(n -> n.startsWith("i.")).findFirst()
          .orElseThrow();
      Tree tree = txn.tree(index);
      Cursor cursor = tree.cursor();
      assertTrue(cursor.first());
      assertTrue(tree.delete(cursor.key()));
      txn.commit();
    }
    Cli.Result r = Cli.run("verify", db.toString());
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.out().contains("index READINGS_SENSOR of READINGS has 2999 entries but the "
        + "table has 3000 rows"), r.out());
  }

  @Test
  void foreignTruncatedAndMissingFilesFailCleanly() throws Exception {
    Path foreign = Files.writeString(dir.resolve("notes.txt"), "dear diary\n".repeat(1000));
    Cli.Result r = Cli.run("verify", foreign.toString());
    assertEquals(2, r.exit(), r.toString());
    assertTrue(r.out().contains("CORRUPT: cannot open " + foreign + ": not a Ferrite database"),
        r.out());
    assertEquals("", r.err());

    Path db = dir.resolve("cut.db");
    Databases.fill(db, 100);
    Path cut = dir.resolve("cut-copy.db");
    Files.write(cut, Arrays.copyOf(Files.readAllBytes(db), 4096 + 100));
    Cli.Result truncated = Cli.run("verify", cut.toString());
    assertEquals(2, truncated.exit(), truncated.toString());
    assertFalse(truncated.err().contains("\tat "), truncated.err());

    Cli.Result missing = Cli.run("verify", dir.resolve("nothing.db").toString());
    assertEquals(1, missing.exit());
    assertEquals("ERROR: no database at " + dir.resolve("nothing.db") + "\n", missing.err());
  }
}
