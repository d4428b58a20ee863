package dev.ferrite.storage.crash;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.CommitProtocol;
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
 * is set by {@code -Dferrite.crash.states} (CI: 20,000; the long mode in README: 100,000+).
 */
class CrashSimulationTest {
  private static final long BUDGET = Long.getLong("ferrite.crash.states", 20_000);
  private static long totalStates;
  private static long totalViolations;

  static List<Arguments> campaigns() {
    List<Arguments> campaigns = new ArrayList<>();
    for (CrashHarness.Workload workload : CrashWorkloads.all()) {
      campaigns.add(Arguments.of(Granularity.PAGE, CommitProtocol.SINGLE_SYNC, workload));
      campaigns.add(Arguments.of(Granularity.PAGE, CommitProtocol.DOUBLE_SYNC, workload));
      campaigns.add(Arguments.of(Granularity.CACHE_LINE, CommitProtocol.SINGLE_SYNC, workload));
      campaigns.add(Arguments.of(Granularity.BYTE, CommitProtocol.SINGLE_SYNC, workload));
    }
    return campaigns;
  }

  @ParameterizedTest(name = "{0} {1} {2}")
  @MethodSource("campaigns")
  void crashAnywhereRecoversACommittedPrefix(Granularity granularity, CommitProtocol protocol,
      CrashHarness.Workload workload) {
    long budget = BUDGET / campaigns().size() + 1;
    CrashHarness result = CrashHarness.campaign(granularity, protocol, workload, 42, budget);
    synchronized (CrashSimulationTest.class) {
      totalStates += result.crashStates();
      totalViolations += result.violations().size();
    }
    System.out.printf("crash campaign %s/%s/%s: points %d, states %d, violations %d,"
        + " redundant flushes %d%n", granularity, protocol, workload.name(),
        result.crashPoints(), result.crashStates(), result.violations().size(),
        result.redundantFlushes());
    assertTrue(result.crashStates() > 0, "no crash state was checked");
    assertEquals(List.of(), result.violations());
    assertEquals(0, result.redundantFlushes(), "flushes of lines with nothing to write back");
  }

  @AfterAll
  static void summary() {
    System.out.printf("crash states: %d, violations: %d%n", totalStates, totalViolations);
  }
}
