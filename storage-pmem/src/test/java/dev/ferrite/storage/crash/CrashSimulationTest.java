package dev.ferrite.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.region.Granularity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The crash campaign: every workload on every commit protocol, crashed at every persistence point
 * and at random stores, each crash image reopened and checked. The total number of crash states
 * is set by {@code -Dferrite.crash.states} (CI: 40,000; the long mode in README: 200,000+).
 * Campaigns run either on the bare simulator (the commit protocol at each granularity) or through
 * each durability backend's own write path onto the simulator.
 */
class CrashSimulationTest {
  private static final long BUDGET = Long.getLong("ferrite.crash.states", 40_000);
  private static long totalStates;
  private static long totalViolations;

  static List<Arguments> campaigns() {
    List<CrashHarness.Setup> setups = List.of(
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.LOGGED, null, false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.LOGGED, Durability.PAGE, false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.LOGGED, Durability.MSYNC, false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.LOGGED, Durability.NONE, true),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.SINGLE_SYNC, null, false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.DOUBLE_SYNC, null, false),
        new CrashHarness.Setup(Granularity.CACHE_LINE, CommitProtocol.SINGLE_SYNC, null, false),
        new CrashHarness.Setup(Granularity.BYTE, CommitProtocol.SINGLE_SYNC, null, false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.SINGLE_SYNC, Durability.PAGE,
            false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.SINGLE_SYNC, Durability.MSYNC,
            false),
        new CrashHarness.Setup(Granularity.CACHE_LINE, CommitProtocol.SINGLE_SYNC,
            Durability.DAX, false),
        new CrashHarness.Setup(Granularity.BYTE, CommitProtocol.SINGLE_SYNC, Durability.FENCE,
            false),
        new CrashHarness.Setup(Granularity.PAGE, CommitProtocol.SINGLE_SYNC, Durability.NONE,
            true));
    List<Arguments> campaigns = new ArrayList<>();
    for (CrashHarness.Workload workload : CrashWorkloads.all()) {
      for (CrashHarness.Setup setup : setups) {
        campaigns.add(Arguments.of(setup, workload));
      }
    }
    return campaigns;
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("campaigns")
  void crashAnywhereRecoversACommittedPrefix(CrashHarness.Setup setup,
      CrashHarness.Workload workload) {
    long budget = BUDGET / campaigns().size() + 1;
    CrashHarness result = CrashHarness.campaign(setup, workload, 42, budget);
    synchronized (CrashSimulationTest.class) {
      totalStates += result.crashStates();
      totalViolations += result.violations().size();
    }
    System.out.printf("crash campaign %s/%s: points %d, states %d, violations %d,"
        + " redundant flushes %d%n", setup, workload.name(), result.crashPoints(),
        result.crashStates(), result.violations().size(), result.redundantFlushes());
    assertTrue(result.crashStates() > 0, "no crash state was checked");
    assertEquals(List.of(), result.violations());
    assertEquals(0, result.redundantFlushes(), "flushes of lines with nothing to write back");
  }

  @AfterAll
  static void summary() {
    System.out.printf("crash states: %d, violations: %d%n", totalStates, totalViolations);
  }
}
