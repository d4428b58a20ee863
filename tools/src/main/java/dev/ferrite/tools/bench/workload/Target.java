package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One of issue 9's targets for Ferrite and how it is judged. A relative target compares with a
 * peer measured in the same run ("≥ SQLite FULL", "1.5× H2"); an absolute one with the issue's
 * figure, which was set for 1,000,000 rows, so time- and scale-dependent absolute targets are
 * only judged at that size.
 *
 * @param workloadId the workload it is about
 * @param text the target as the issue states it
 * @param peer for a relative target the peer compared with, else null
 * @param factor relative: the advantage over the peer required (1.5 = 1.5× better)
 * @param absolute absolute: the figure required (in the workload's unit), else NaN
 * @param needsFullScale whether it is only judged at 1,000,000 rows
 * @param pmem whether it is about the insert-only Ferrite engines on /dev/shm
 */
public record Target(String workloadId, String text, Engine.Kind peer, double factor, double absolute,
    boolean needsFullScale, boolean pmem) {
  /** Rows the absolute figures assume. */
  static final int FULL_ROWS = 1_000_000;

  /** The anchor figures measured on its machine (SQLite WAL FULL / H2 / HSQLDB). */
  static String anchor(String workloadId) {
    switch (workloadId) {
      case "W1": return "601 / 3,691 (never syncs) / 879";
      case "W2": return "366 k / 71 k / 97 k";
      case "W3": return "72.6 k / 120.5 k / 50.6 k";
      case "W4a": return "13.0 / 71.8 / 95.4";
      case "W4b": return "562 / 1,146 / 1,943";
      case "W5": return "574 / 1,574 / 3,779";
      case "W6": return "2,088 / 22,511 (not durable) / 6,151";
      default: return "";
    }
  }

  /** All of the targets. */
  public static List<Target> all() {
    double none = Double.NaN;
    return List.of(
        new Target("W1", "≥ SQLite WAL FULL (same run, disk)", Engine.Kind.SQLITE, 1.0, none, false, false),
        new Target("W1", "≥ 50,000 commits/s on /dev/shm with dax/fence", null, 0, 50_000, false, true),
        new Target("W2", "≥ 1,000,000 rows/s", null, 0, 1_000_000, true, false),
        new Target("W3", "≥ 1.5× H2 (same run)", Engine.Kind.H2, 1.5, none, false, false),
        new Target("W3", "≥ 180,000 ops/s", null, 0, 180_000, true, false),
        new Target("W4a", "≤ SQLite's time (same run)", Engine.Kind.SQLITE, 1.0, none, false, false),
        new Target("W4b", "≤ 430 ms", null, 0, 430, true, false),
        new Target("W5", "≤ 283 ms", null, 0, 283, true, false),
        new Target("W6", "≥ 10,000 ops/s, durable", null, 0, 10_000, false, false));
  }

  /** The verdict on one Ferrite engine: "met", "NOT met" or "n/a", with the figures compared. */
  public record Verdict(Target target, Engine engine, String status, String detail) {
  }

  /** Verdicts for every Ferrite engine this target is about (none if the workload did not run). */
  public List<Verdict> judge(Results results) {
    List<Verdict> out = new ArrayList<>();
    Workload w = results.workload(workloadId);
    if (w == null) {
      return out;
    }
    for (Engine e : results.engines()) {
      if (e.kind() == Engine.Kind.FERRITE && e.insertOnly() == pmem) {
        Stats s = results.stats(w, e);
        if (s != null) {
          out.add(judge(results, w, e, s));
        }
      }
    }
    return out;
  }

  private Verdict judge(Results results, Workload w, Engine e, Stats s) {
    Unit unit = w.unit();
    if (peer != null) {
      Engine p = results.peer(peer);
      Stats ps = p == null ? null : results.stats(w, p);
      if (ps == null) {
        return new Verdict(this, e, "n/a", peer.name().toLowerCase(Locale.ROOT) + " was not run");
      }
      double advantage = unit.advantage(s.median(), ps.median());
      return new Verdict(this, e, advantage >= factor ? "met" : "NOT met", String.format(Locale.ROOT,
          "%s vs %s %s: %.2fx", Format.figure(s.median()), p.name(), Format.figure(ps.median()), advantage));
    }
    if (needsFullScale && results.config().rows() != FULL_ROWS) {
      return new Verdict(this, e, "n/a", "judged at " + Format.figure(FULL_ROWS) + " rows only");
    }
    if (workloadId.equals("W6") && !e.durable()) {
      return new Verdict(this, e, "n/a", "this Ferrite setting is not durable");
    }
    boolean met = unit.higherIsBetter() ? s.median() >= absolute : s.median() <= absolute;
    return new Verdict(this, e, met ? "met" : "NOT met",
        Format.figure(s.median()) + " " + unit.label() + " vs " + Format.figure(absolute));
  }
}
