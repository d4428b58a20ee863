package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Everything one run produced: settings, engines, workloads, read-back settings and samples. */
public final class Results {
  private final BenchConfig config;
  private final List<Engine> engines;
  private final List<Workload> workloads;
  private final Map<Engine, String> readBacks;
  private final List<Sample> samples;

  Results(BenchConfig config, List<Engine> engines, List<Workload> workloads,
      Map<Engine, String> readBacks, List<Sample> samples) {
    this.config = config;
    this.engines = List.copyOf(engines);
    this.workloads = List.copyOf(workloads);
    this.readBacks = Map.copyOf(readBacks);
    this.samples = List.copyOf(samples);
  }

  public BenchConfig config() {
    return config;
  }

  public List<Engine> engines() {
    return engines;
  }

  public List<Workload> workloads() {
    return workloads;
  }

  /** Every sample, warm-ups included, in the order they were taken. */
  public List<Sample> samples() {
    return samples;
  }

  /** The durability setting {@code engine} reported when asked. */
  public String readBack(Engine engine) {
    return readBacks.getOrDefault(engine, "");
  }

  /** The measured (not warm-up) samples of {@code workload} on {@code engine}. */
  public List<Measurement> measured(Workload workload, Engine engine) {
    List<Measurement> out = new ArrayList<>();
    for (Sample s : samples) {
      if (!s.warmup() && s.workload() == workload && s.engine() == engine) {
        out.add(s.measurement());
      }
    }
    return out;
  }

  /** Median and range of {@code workload} on {@code engine}, or null if it did not run there. */
  public Stats stats(Workload workload, Engine engine) {
    List<Double> values = new ArrayList<>();
    measured(workload, engine).forEach(m -> values.add(m.value()));
    return values.isEmpty() ? null : Stats.of(values);
  }

  /** The Ferrite engine that runs every workload (the one ratios are about), or null. */
  public Engine ferrite() {
    for (Engine e : engines) {
      if (e.kind() == Engine.Kind.FERRITE && !e.insertOnly()) {
        return e;
      }
    }
    return null;
  }

  /** The engines that are not Ferrite. */
  public List<Engine> peers() {
    List<Engine> out = new ArrayList<>();
    for (Engine e : engines) {
      if (e.kind() != Engine.Kind.FERRITE) {
        out.add(e);
      }
    }
    return out;
  }

  /** The peer of {@code kind}, or null if it was not run. */
  public Engine peer(Engine.Kind kind) {
    for (Engine e : peers()) {
      if (e.kind() == kind) {
        return e;
      }
    }
    return null;
  }

  /** The workload with {@code id}, or null. */
  public Workload workload(String id) {
    for (Workload w : workloads) {
      if (w.id().equals(id)) {
        return w;
      }
    }
    return null;
  }

  /** Whether any sample's correctness check failed. */
  public boolean anyCheckFailed() {
    return samples.stream().anyMatch(s -> s.measurement().failed());
  }
}
