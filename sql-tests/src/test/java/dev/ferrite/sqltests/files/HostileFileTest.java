package dev.ferrite.sqltests.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferrite.sqltests.files.Damage.Case;
import dev.ferrite.sqltests.files.Outcome.Kind;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged and hostile files through the driver: a real database is built, closed, and copies of
 * it are damaged in many seeded ways ({@link Damage}). Each copy is opened with
 * {@code jdbc:ferrite:}, queried and written to, and then checked with the storage engine's
 * verify. Every one must end cleanly, within a time limit:
 * <ul>
 *   <li>refused at connect with 08001 (not a database, newer format) or XX001 (damaged), with a
 *       message naming the problem (cases that demand a particular refusal get exactly it);
 *   <li>or a query fails with XX001 when it reads the damage, saying the file is corrupt;
 *   <li>or every query returns exactly the intact file's rows (the damage hit unused bytes, or
 *       verify finds it).
 * </ul>
 * Never wrong rows, another SQLSTATE, a non-SQL exception, or a hang. The number of random cases
 * is {@code -Dferrite.hostile.flips} (bit flips; a quarter as many truncations and swaps).
 */
class HostileFileTest {
  private static final int FLIPS = Integer.getInteger("ferrite.hostile.flips", 200);

  @TempDir
  Path dir;

  @Test
  void everyDamagedFileIsRefusedOrReadCorrectly() throws Exception {
    Path intactFile = dir.resolve("intact.db");
    List<List<String>> expected = SampleDatabase.build(intactFile);
    byte[] intact = Files.readAllBytes(intactFile);
    Damage damage = new Damage(intact, StoreCheck.usedPages(intactFile), 20_261_125);
    List<Case> cases = new ArrayList<>(damage.randomCases(FLIPS));
    cases.addAll(damage.fixedCases(H2Files.database(dir.resolve("h2"))));
    Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
    List<String> violations = new ArrayList<>();
    int verifyFound = 0;
    for (int i = 0; i < cases.size(); i++) {
      Case c = cases.get(i);
      Path file = dir.resolve("case-" + i + ".db");
      Files.write(file, c.bytes());
      Outcome outcome = withTimeout(() -> examine(file, c, expected));
      counts.merge(outcome.kind(), 1, Integer::sum);
      if (!outcome.clean()) {
        violations.add(c.name() + ": " + outcome.detail());
      } else if (outcome.kind() == Kind.CORRECT && !StoreCheck.problems(file).isEmpty()) {
        verifyFound++;
      }
      Files.delete(file);
    }
    int clean = cases.size() - violations.size();
    System.out.printf("corrupt files: %d, clean errors: %d (refused at open %d, failed when read"
            + " %d), correct rows: %d (damage then found by verify: %d), wrong results: %d%n",
        cases.size(), counts.getOrDefault(Kind.REFUSED, 0) + counts.getOrDefault(
            Kind.FAILED_LATER, 0), counts.getOrDefault(Kind.REFUSED, 0),
        counts.getOrDefault(Kind.FAILED_LATER, 0), counts.getOrDefault(Kind.CORRECT, 0),
        verifyFound, violations.size());
    assertEquals(cases.size(), clean, String.join("\n", violations));
  }

  /** Runs one case on its own daemon thread: a case that hangs is reported and abandoned. */
  private static Outcome withTimeout(Callable<Outcome> work) throws Exception {
    FutureTask<Outcome> task = new FutureTask<>(work);
    Thread thread = new Thread(task, "hostile-file");
    thread.setDaemon(true);
    thread.start();
    try {
      return task.get(60, TimeUnit.SECONDS);
    } catch (TimeoutException e) {
      thread.interrupt();
      return new Outcome(Kind.BAD, "no answer within 60 s (a hang or an endless loop)");
    }
  }

  private static Outcome examine(Path file, Case c, List<List<String>> expected) {
    Connection connection;
    try {
      connection = DriverManager.getConnection(SampleDatabase.url(file) + c.urlOptions());
    } catch (SQLException e) {
      return refused(c, e);
    } catch (RuntimeException | Error e) {
      return new Outcome(Kind.BAD, "connect threw " + e);
    }
    if (c.refusal() != null) {
      close(connection);
      return new Outcome(Kind.BAD, "opened, but must be refused with " + c.refusal());
    }
    try (Connection open = connection) {
      for (int q = 0; q < SampleDatabase.QUERIES.size(); q++) {
        List<String> rows = SampleDatabase.rows(open, SampleDatabase.QUERIES.get(q));
        if (!rows.equals(expected.get(q))) {
          return new Outcome(Kind.BAD, "wrong rows from " + SampleDatabase.QUERIES.get(q));
        }
      }
      try (Statement s = open.createStatement()) {
        s.executeUpdate("INSERT INTO item VALUES (5000, 'after', 1)");
      }
      return new Outcome(Kind.CORRECT, "");
    } catch (SQLException e) {
      return "XX001".equals(e.getSQLState()) && namesTheDamage(e.getMessage())
          ? new Outcome(Kind.FAILED_LATER, e.getMessage())
          : new Outcome(Kind.BAD, "query failed with " + e.getSQLState() + ": " + e.getMessage());
    } catch (RuntimeException | Error e) {
      return new Outcome(Kind.BAD, "a query threw " + e);
    }
  }

  private static Outcome refused(Case c, SQLException e) {
    String state = e.getSQLState();
    String message = String.valueOf(e.getMessage());
    if (c.refusal() != null) {
      boolean expected = c.refusal().sqlState().equals(state)
          && message.contains(c.refusal().phrase());
      return expected ? new Outcome(Kind.REFUSED, state + " " + message)
          : new Outcome(Kind.BAD, "refused with " + state + " '" + message + "', expected "
              + c.refusal());
    }
    if (!state.equals("08001") && !state.equals("XX001") || !namesTheDamage(message)) {
      return new Outcome(Kind.BAD, "refused with " + state + ": " + message);
    }
    return new Outcome(Kind.REFUSED, state + " " + message);
  }

  /** Whether a message says what is wrong with the file, not just that something failed. */
  private static boolean namesTheDamage(String message) {
    return message != null && (message.contains("corrupt") || message.contains("truncated")
        || message.contains("not a Ferrite database") || message.contains("version"));
  }

  private static void close(Connection connection) {
    try {
      connection.close();
    } catch (SQLException ignored) {
      // Only reached on a case that has already failed.
    }
  }
}
