package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a campaign did: checks per oracle, skipped checks, and the findings by signature. */
public final class Report {
  private final Map<String, Long> checks = new LinkedHashMap<>(Map.of("H2", 0L, "TLP", 0L, "NoREC", 0L));
  private final Map<String, Finding> findings = new LinkedHashMap<>();
  private long skipped;
  private long databases;

  void database() {
    databases++;
  }

  /** Counts a judged check of {@code oracle}, or a skipped one. */
  void checked(String oracle, boolean wasSkipped) {
    if (wasSkipped) {
      skipped++;
    } else {
      checks.merge(oracle, 1L, Long::sum);
    }
  }

  /** Adds a finding, or counts another occurrence of one with the same signature. */
  void found(Finding f) {
    findings.merge(f.signature(), f, (old, ignored) -> old.again());
  }

  /** The finding with this signature, or null. */
  Finding finding(String signature) {
    return findings.get(signature);
  }

  /** Judged checks of all oracles (skipped ones excluded). */
  public long queries() {
    return checks.values().stream().mapToLong(Long::longValue).sum();
  }

  public long queries(String oracle) {
    return checks.get(oracle);
  }

  public long skipped() {
    return skipped;
  }

  public long databases() {
    return databases;
  }

  public List<Finding> findings() {
    return new ArrayList<>(findings.values());
  }

  /** {@code differential queries: N (H2 N1, TLP N2, NoREC N3), findings: M}. */
  public String summary() {
    return "differential queries: " + queries() + " (H2 " + queries("H2") + ", TLP " + queries("TLP") + ", NoREC "
        + queries("NoREC") + "), findings: " + findings.size();
  }
}
