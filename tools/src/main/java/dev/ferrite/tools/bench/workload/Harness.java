package dev.ferrite.tools.bench.workload;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The repetition loop. All engines are opened and loaded first (the same rows through the same
 * batched SQL); then each repetition runs every workload on every engine, engines in an order
 * rotated by repetition and workload so that none is always first or always follows the same
 * peer. Repetitions numbered below {@code warmups} are recorded but marked warm-up (the JIT has
 * not settled, files are still growing) and left out of the medians.
 *
 * <p>Every engine runs in this one JVM, so they meet the same machine state at nearly the same
 * time; a full GC before each timed phase keeps one engine's garbage from being collected on
 * another's clock.
 */
public final class Harness implements AutoCloseable {
  private final List<OpenEngine> open = new ArrayList<>();
  private final List<Workload> workloads;
  private final BenchConfig config;
  private final PrintStream log;
  private final Map<Engine, String> readBacks = new LinkedHashMap<>();

  private Harness(List<Workload> workloads, BenchConfig config, PrintStream log) {
    this.workloads = workloads;
    this.config = config;
    this.log = log;
  }

  /** Opens every engine and creates and fills its tables; progress goes to {@code log}. */
  public static Harness open(List<Engine> engines, List<Workload> workloads, BenchConfig config,
      PrintStream log) throws SQLException {
    Harness h = new Harness(workloads, config, log);
    try {
      for (Engine e : engines) {
        OpenEngine db = new OpenEngine(e);
        h.open.add(db);
        h.setUp(db);
      }
    } catch (SQLException | RuntimeException e) {
      h.close();
      throw e;
    }
    return h;
  }

  private void setUp(OpenEngine db) throws SQLException {
    Engine e = db.engine();
    Connection c = db.connection();
    long start = System.nanoTime();
    Schema.createRowTable(e, c, "ins");
    if (!e.insertOnly()) {
      Schema.createRowTable(e, c, "t");
      Schema.load(c, "t", config.rows());
      Schema.createDim(c);
    }
    readBacks.put(e, e.readBack(c));
    log.printf(Locale.ROOT, "set-up %-14s %,d rows loaded in %.1f s; %s%n", e.name(),
        e.insertOnly() ? 0 : config.rows(), (System.nanoTime() - start) / 1e9, readBacks.get(e));
  }

  /** Runs warm-up and measured repetitions and returns every sample. */
  public Results run() throws Exception {
    List<Sample> samples = new ArrayList<>();
    int total = config.warmups() + config.reps();
    for (int rep = 0; rep < total; rep++) {
      boolean warmup = rep < config.warmups();
      for (int w = 0; w < workloads.size(); w++) {
        Workload workload = workloads.get(w);
        List<OpenEngine> order = rotated(workload, rep + w);
        for (OpenEngine db : order) {
          // The same ids for every engine in this repetition of this workload.
          Random random = new Random(config.seed() + 1000L * rep + w);
          System.gc();
          Measurement m = workload.run(db, config, random);
          samples.add(new Sample(rep, warmup, workload, db.engine(), m));
          log.printf(Locale.ROOT, "%s %d/%d %-4s %-14s %,14.1f %-9s %s%n", warmup ? "warm-up" : "rep    ",
              rep + 1, total, workload.id(), db.engine().name(), m.value(), workload.unit().label(),
              m.check());
        }
      }
    }
    List<Engine> engines = new ArrayList<>();
    open.forEach(db -> engines.add(db.engine()));
    return new Results(config, engines, workloads, readBacks, samples);
  }

  private List<OpenEngine> rotated(Workload workload, int shift) {
    List<OpenEngine> applicable = new ArrayList<>();
    for (OpenEngine db : open) {
      if (workload.appliesTo(db.engine())) {
        applicable.add(db);
      }
    }
    List<OpenEngine> order = new ArrayList<>();
    for (int i = 0; i < applicable.size(); i++) {
      order.add(applicable.get((i + shift) % applicable.size()));
    }
    return order;
  }

  /** The main connection of {@code engine} (for checks after a run). */
  public Connection connection(Engine engine) {
    for (OpenEngine db : open) {
      if (db.engine() == engine) {
        return db.connection();
      }
    }
    throw new IllegalArgumentException("not open: " + engine);
  }

  /** Closes every connection (files stay; the caller deletes them). */
  @Override
  public void close() throws SQLException {
    SQLException first = null;
    for (OpenEngine db : open) {
      try {
        db.close();
      } catch (SQLException e) {
        first = first == null ? e : first;
      }
    }
    if (first != null) {
      throw first;
    }
  }
}
