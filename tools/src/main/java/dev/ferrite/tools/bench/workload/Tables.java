package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The report's tables, built from one run's {@link Results}. */
final class Tables {
  private Tables() {
  }

  /** Medians [min–max] of every workload on every engine. */
  static Table figures(Results r) {
    List<String> header = new ArrayList<>(List.of("workload", "unit"));
    r.engines().forEach(e -> header.add(e.name()));
    Table t = new Table(header);
    for (Workload w : r.workloads()) {
      List<String> row = new ArrayList<>(List.of(w.id() + " " + w.title(), w.unit().label()));
      r.engines().forEach(e -> row.add(Format.stats(r.stats(w, e))));
      t.add(row);
    }
    return t;
  }

  /** Ferrite's advantage over each peer per workload (above 1 = Ferrite better). */
  static Table ratios(Results r) {
    Engine f = r.ferrite();
    List<String> header = new ArrayList<>(List.of("workload"));
    r.peers().forEach(p -> header.add("Ferrite vs " + p.name()));
    Table t = new Table(header);
    for (Workload w : r.workloads()) {
      List<String> row = new ArrayList<>(List.of(w.id() + " " + w.title()));
      for (Engine p : r.peers()) {
        Stats fs = f == null ? null : r.stats(w, f);
        Stats ps = r.stats(w, p);
        row.add(fs == null || ps == null ? "—"
            : Format.ratio(w.unit().advantage(fs.median(), ps.median())));
      }
      t.add(row);
    }
    return t;
  }

  /** Each of the targets: anchor figures, this run's comparison, verdict. */
  static Table targets(Results r) {
    Table t = new Table(List.of("workload", "target", "issue anchors SQLite / H2 / HSQLDB", "engine",
        "this run", "verdict"));
    for (Target target : Target.all()) {
      for (Target.Verdict v : target.judge(r)) {
        t.add(List.of(target.workloadId(), target.text(), Target.anchor(target.workloadId()),
            v.engine().name(), v.detail(), v.status()));
      }
    }
    return t;
  }

  /**
   * Per engine: durable or not, (with settings) the setting and what the database read back, syncs per commit
   * (Ferrite's own counters; strace counts if they were taken) and W6's retries.
   */
  static Table engines(Results r, Map<Engine, String> straceSyncs, boolean withSettings) {
    List<String> header = new ArrayList<>(List.of("engine", "durable commit"));
    if (withSettings) {
      header.addAll(List.of("setting", "read back"));
    }
    header.addAll(List.of(
        "durability points/commit (own counters: fdatasync or O_DSYNC record; W1; W6)",
        "fsync-family calls/commit (strace)", "W6 retries"));
    Table t = new Table(header);
    for (Engine e : r.engines()) {
      List<String> row = new ArrayList<>(List.of(e.name(), e.durable() ? "yes" : "NO"));
      if (withSettings) {
        row.addAll(List.of(e.setting(), r.readBack(e)));
      }
      row.addAll(List.of(countedSyncs(r, e, "W1") + "; " + countedSyncs(r, e, "W6"),
          straceSyncs.getOrDefault(e, "not counted"), retries(r, e)));
      t.add(row);
    }
    return t;
  }

  private static String countedSyncs(Results r, Engine e, String workloadId) {
    Workload w = r.workload(workloadId);
    if (w == null || !w.appliesTo(e)) {
      return "—";
    }
    long syncs = 0;
    long commits = 0;
    for (Measurement m : r.measured(w, e)) {
      if (m.syncs() < 0) {
        return "not exposed";
      }
      syncs += m.syncs();
      commits += m.commits();
    }
    return commits == 0 ? "0 syncs, 0 counted commits" : Format.figure((double) syncs / commits)
        + " (" + syncs + "/" + commits + ")";
  }

  private static String retries(Results r, Engine e) {
    Workload w = r.workload("W6");
    if (w == null || !w.appliesTo(e)) {
      return "—";
    }
    long retries = 0;
    long ops = 0;
    for (Measurement m : r.measured(w, e)) {
      retries += m.retries();
      ops += m.ops();
    }
    return retries + " in " + ops + " ops";
  }
}
