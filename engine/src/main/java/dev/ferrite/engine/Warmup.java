package dev.ferrite.engine;

import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.session.StatementPlanner;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Loads and initialises the planner's classes (several thousand, most of them Calcite's) on a
 * background thread the first time a database is opened in this JVM, while the store is being
 * opened on the caller's thread. Without it the first statement of a JVM pays about a second of
 * class loading; with it that work overlaps the open. Nothing it plans is kept.
 */
final class Warmup {
  private static final AtomicBoolean STARTED = new AtomicBoolean();

  private Warmup() {
  }

  static void start() {
    if (!STARTED.compareAndSet(false, true) || Boolean.getBoolean("ferrite.noWarmup")) {
      return;
    }
    Thread t = new Thread(() -> {
      try {
        StatementPlanner.plan("SELECT x, COUNT(*) FROM (VALUES (1, 'a')) AS v(x, y) WHERE x = ? AND y LIKE 'a%'"
            + " GROUP BY x ORDER BY x", Catalog.empty(), 1024, tree -> 0);
      } catch (RuntimeException ignored) {
        // Warm-up is an optimisation only; a failure here shows up, if real, in the user's statement.
      }
    }, "ferrite-planner-warmup");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY + 1);
    t.start();
  }
}
