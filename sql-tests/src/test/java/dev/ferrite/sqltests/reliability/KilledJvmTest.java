package dev.ferrite.sqltests.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Process crashes: child JVMs ({@link KillWorkloadMain}) run transactions on one database file
 * and are killed with SIGKILL at random moments; after each kill the file must hold exactly the
 * acknowledged transactions (plus, possibly, the one in flight, whole or not at all), with its
 * indexes agreeing with its tables, and pass the integrity check. Nothing is cleaned up between a
 * kill and the next open: the parent opens the file at once (read-only, to check it), then the
 * next child opens it read-write and continues, so recovery runs again and again. Children rotate
 * through the durability backends ({@code dax} and {@code fence} on a normal mapping, with
 * {@code ferrite.pmem.force}).
 *
 * <p>Only process death is simulated: the page cache survives it. Power loss is the storage
 * crash simulator's subject. {@code -Dferrite.kills=N} sets the number of kills (50 by default);
 * {@code -Dferrite.kills.seed=S} repeats a run's random choices (not its timing).
 */
class KilledJvmTest {
  private static final int KILLS = Integer.getInteger("ferrite.kills", 50);
  private static final List<String> BACKENDS = List.of("page", "msync", "none", "dax", "fence");
  /** Children started ahead of the one working. */
  private static final int WARMING_AHEAD = 2;
  private static final Duration START_LIMIT = Duration.ofMinutes(3);

  @TempDir
  Path dir;

  private Path db;
  private long seed;
  /** The expected state: the initial one plus every transaction known to have committed. */
  private KillModel model = KillModel.initial();
  private long nextTxn = 1;
  private long acknowledged;
  private int inFlightApplied;

  @Test
  void acknowledgedCommitsSurviveKilledJvms() throws Exception {
    seed = Long.getLong("ferrite.kills.seed", System.nanoTime());
    Random random = new Random(seed);
    db = dir.resolve("killed.db");
    try (Connection c = Sql.open(db)) {
      KillSchema.create(c);
    }
    long start = System.nanoTime();
    Deque<ChildJvm> warming = new ArrayDeque<>();
    try {
      for (int kill = 0; kill < KILLS; kill++) {
        // Children start their JVM and warm up while earlier ones work: JVM start and class
        // loading take longer than a child's working time.
        while (warming.size() < WARMING_AHEAD && kill + warming.size() < KILLS) {
          warming.add(spawn(kill + warming.size()));
        }
        ChildJvm child = warming.remove();
        child.awaitLine("warm", START_LIMIT);
        child.send("go " + nextTxn);
        child.awaitLine("ready", START_LIMIT);
        Thread.sleep(100 + random.nextInt(1401));
        assertTrue(child.isAlive(), "child " + kill + " died before the kill" + child.diagnostics());
        child.kill();
        checkAfterKill(kill);
      }
    } finally {
      for (ChildJvm unused : warming) {
        unused.kill();
      }
    }
    continueAfterLastKill();
    System.out.printf("killed JVMs: %d, acknowledged commits checked: %d, violations: 0"
            + " (in-flight commits found applied: %d, %d transactions in all, seed %d, %.0f s)%n",
        KILLS, acknowledged, inFlightApplied, nextTxn - 1, seed, (System.nanoTime() - start) / 1e9);
  }

  /**
   * Replays the killed child's acknowledged transactions on the model and compares the database
   * with it, or with it plus the transaction in flight; then checks the file and its lock.
   */
  private void checkAfterKill(int kill) throws Exception {
    KillLog log = KillLog.read(log(kill));
    for (KillOp op : log.acknowledged()) {
      model.apply(op);
      acknowledged += op.kind().commits() ? 1 : 0;
    }
    KillModel found = readChecked(kill);
    if (!found.describe().equals(model.describe())) {
      KillModel withInFlight = log.inFlight() == null ? null : model.copy().apply(log.inFlight());
      assertTrue(withInFlight != null && found.describe().equals(withInFlight.describe()),
          () -> violation(kill, log, found));
      model = withInFlight;
      inFlightApplied++;
    }
    assertNull(StoreCheck.verifyHealthy(db, true),
        "kill " + kill + ": a killed process cannot leave a torn commit, yet the open discarded one");
    nextTxn = log.lastTxn(nextTxn - 1) + 1;
  }

  /** Starts child {@code index} (it waits for {@code go} after warming up). */
  private ChildJvm spawn(int index) throws IOException {
    String backend = backend(index);
    List<String> jvm = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"));
    if (backend.equals("dax") || backend.equals("fence")) {
      jvm.add("-Dferrite.pmem.force=true");
    }
    return ChildJvm.start(KillWorkloadMain.class, jvm, dir.resolve("child-" + index + ".err"),
        db.toString(), log(index).toString(), Long.toString(seed + index), backend);
  }

  /**
   * The backend of child {@code index}. The rotation ends with {@code page}, the default here, so
   * the final read-write open in the parent finds the backend it would choose itself.
   */
  private static String backend(int index) {
    return BACKENDS.get((KILLS - 1 - index) % BACKENDS.size());
  }

  private Path log(int index) {
    return dir.resolve("child-" + index + ".log");
  }

  /** The database's state, read through a read-only connection, with its indexes checked. */
  private KillModel readChecked(int kill) throws Exception {
    try (Connection c = Sql.open(db, "readonly=true")) {
      KillModel found = KillModel.read(c);
      IndexAgreement.check(c, found);
      return found;
    } catch (AssertionError e) {
      throw new AssertionError("kill " + kill + " (seed " + seed + "): " + e.getMessage(), e);
    }
  }

  private String violation(int kill, KillLog log, KillModel found) {
    return "kill " + kill + " (seed " + seed + ", backend " + backend(kill)
        + "): the database matches neither the acknowledged transactions nor them plus the one in flight ("
        + log.inFlight() + ")\nexpected:\n" + model.describe() + "found:\n" + found.describe();
  }

  /**
   * After the last kill, an ordinary read-write open (as an application would do) recovers,
   * commits and reads back; no kill left a file beside the database (a lock or scratch file).
   */
  private void continueAfterLastKill() throws Exception {
    KillOp op = new KillOp(KillOp.Kind.TRANSFER, nextTxn, new long[] {0, 1, 7});
    try (Connection c = Sql.open(db)) {
      new KillOpRunner(c).run(op);
      assertEquals(model.apply(op).describe(), KillModel.read(c).describe());
    }
    StoreCheck.verifyHealthy(db);
    try (var files = Files.list(dir)) {
      List<String> left = files.map(f -> f.getFileName().toString())
          .filter(name -> !name.equals("killed.db") && !name.matches("child-\\d+\\.(log|err)")).toList();
      assertEquals(List.of(), left, "files left beside the database");
    }
  }
}
