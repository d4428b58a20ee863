package dev.ferrite.sqltests.reliability;

import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import java.nio.file.Path;

/**
 * The storage-level integrity check of a database file, run after every JDBC connection to it
 * is closed (the store refuses a second open in the same JVM).
 */
final class StoreCheck {
  private StoreCheck() {
  }

  /**
   * Opens {@code file} as a bare store, verifies every page, tree and the free-space accounting,
   * and fails with every problem found. Returns what the open had to discard (null when the newest
   * commit was intact).
   *
   * @param readOnly open read-only: no durability record is written, so a file a child JVM used
   *     with another backend is not reported as moved
   */
  static String verifyHealthy(Path file, boolean readOnly) {
    try (Store store = Store.open(file, StoreOptions.defaults().withReadOnly(readOnly))) {
      IntegrityReport report = store.verify();
      if (!report.healthy()) {
        throw new AssertionError("integrity check of " + file + " failed: " + report.problems());
      }
      return store.recoveryNote();
    }
  }

  /** {@link #verifyHealthy(Path, boolean)} with a read-write open, as an application would. */
  static void verifyHealthy(Path file) {
    verifyHealthy(file, false);
  }
}
