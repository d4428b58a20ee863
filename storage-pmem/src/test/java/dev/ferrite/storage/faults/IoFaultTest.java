package dev.ferrite.storage.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.faults.FaultRun.Backend;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * I/O errors and a full disk at every write, sync, file extension and mapping of a workload, once
 * and persistently, on each backend that has failing primitives: pwrite + fdatasync, msync, and
 * cache-line write-back (forced onto a normal file). See {@link FaultRun} for what each run checks.
 * Files live in {@link ScratchFiles}, on tmpfs when there is one.
 */
class IoFaultTest {
  private static int runs;
  private static int injections;
  private static int maxK;
  private static int violations;

  static List<Backend> backends() {
    return List.of(new Backend(Durability.PAGE, false), new Backend(Durability.MSYNC, false),
        new Backend(Durability.DAX, true));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("backends")
  void everyFailedOperationIsAReportedErrorAndLosesNothingAcknowledged(Backend backend) {
    FaultCampaign campaign = new FaultCampaign(ScratchFiles.file(backend + ".db"), backend).run();
    System.out.printf("fault injections (%s): %d runs, %d failed operations, k = 1..%d,"
            + " violations: %d%n", backend, campaign.runs(), campaign.injections(),
        campaign.maxK(), campaign.violations().size());
    synchronized (IoFaultTest.class) {
      runs += campaign.runs();
      injections += campaign.injections();
      maxK = Math.max(maxK, campaign.maxK());
      violations += campaign.violations().size();
    }
    List<String> found = campaign.violations();
    assertEquals(List.of(), found.subList(0, Math.min(found.size(), 10)));
  }

  @AfterAll
  static void summary() {
    System.out.printf("fault injections: %d (%d runs, k = 1..%d, EIO/ENOSPC, once/persistent),"
        + " violations: %d%n", injections, runs, maxK, violations);
  }
}
