package dev.ferrite.tools.bench.workload;

import java.sql.PreparedStatement;
import java.util.Random;

/**
 * W1: single-row INSERTs in autocommit mode for a fixed time, counting commits. Each commit is
 * durable when it returns for engines whose setting says so; Ferrite's own sync counter is read
 * before and after, so the report can give syncs per commit without assuming it.
 */
final class AutocommitInsert extends NamedWorkload {
  AutocommitInsert() {
    super("W1", "autocommit durable insert", Unit.COMMITS_PER_S);
  }

  @Override
  public boolean appliesTo(Engine engine) {
    return true;
  }

  @Override
  public Measurement run(OpenEngine db, BenchConfig config, Random random) throws Exception {
    long[] before = db.engine().syncsAndCommits(db.connection());
    long commits = 0;
    long start;
    long now;
    try (PreparedStatement p = db.connection().prepareStatement("INSERT INTO ins VALUES (?, ?, ?, ?)")) {
      // The clock starts after preparing: W1, W3 and W4/W5 time executions, not planning.
      start = System.nanoTime();
      long deadline = start + config.phaseNanos();
      do {
        Schema.bind(p, db.nextInsertId++);
        p.executeUpdate();
        commits++;
        now = System.nanoTime();
      } while (now < deadline);
    }
    long[] after = db.engine().syncsAndCommits(db.connection());
    double rate = commits / ((now - start) / 1e9);
    long syncs = before == null ? -1 : after[0] - before[0];
    long counted = before == null ? -1 : after[1] - before[1];
    return new Measurement(rate, commits, commits, 0, syncs, counted, "");
  }
}
