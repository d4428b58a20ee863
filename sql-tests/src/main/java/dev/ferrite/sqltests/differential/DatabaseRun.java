package dev.ferrite.sqltests.differential;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * One generated database and its {@value #QUERIES} cases, run on a worker thread. Everything in
 * it follows from the database's seed, so results do not depend on which thread ran it or when;
 * the campaign merges runs in database order. A failing case is reduced here just enough for its
 * signature (in parallel), the full reduction is left to the campaign.
 *
 * @param cases every case run, in order
 * @param rejections failures of the load: rows only one engine accepted
 */
record DatabaseRun(List<Case> cases, List<Failure> rejections) {
  /** Cases per generated database before the next one is made. */
  static final int QUERIES = 50;
  /** Reduces a wrong result's query just enough for a signature. */
  private static final Reducer QUICK = new Reducer(150, 0);

  /** A case's oracle and outcome; {@code failure} is null if it held or was skipped. */
  record Case(String oracle, boolean skipped, Failure failure) {
  }

  /**
   * A failing case, reduced as far as its signature needs.
   *
   * @param where {@code seed/database/case} of the original case
   */
  record Failure(String signature, Reducer.Reduced reduced, String where) {
  }

  /** Runs database {@code index} of the campaign with {@code seed}; stops early once {@code stop} says so. */
  static DatabaseRun run(long campaignSeed, long index, long seed, BooleanSupplier stop) throws SQLException {
    String where = campaignSeed + "/" + index + "/";
    Dice dice = new Dice(seed);
    DatabaseSpec requested = new SchemaGenerator(dice).database();
    List<Case> cases = new ArrayList<>();
    List<Failure> rejections = new ArrayList<>();
    try (Env env = Env.open(requested)) {
      for (Env.Rejection r : env.rejectedByOne()) {
        Check insert = new InsertCheck(requested.table(r.row().table()), r.row());
        DatabaseSpec before = env.spec().withRows(env.spec().rows().subList(0, r.acceptedBefore()));
        rejections.add(failure(insert, before, r.mismatch(), where + "load"));
      }
      QueryGenerator generator = new QueryGenerator(dice, env.spec());
      for (int q = 0; q < QUERIES && !stop.getAsBoolean(); q++) {
        Check check = generator.next();
        Mismatch m = check.run(env);
        boolean skipped = m != null && m.skipped();
        cases.add(new Case(check.oracle(), skipped, m == null || skipped ? null : failure(check, env.spec(), m, where + q)));
      }
    }
    return new DatabaseRun(cases, rejections);
  }

  /** A wrong result's shape is taken after a quick reduction of the query; an error's signature needs none. */
  private static Failure failure(Check check, DatabaseSpec spec, Mismatch m, String where) throws SQLException {
    Reducer.Reduced r = new Reducer.Reduced(check, spec, m);
    if (!m.error()) {
      r = QUICK.reduceQuery(r);
    }
    return new Failure(m.signature(r.check()), r, where);
  }
}
