package dev.ferrite.tools.admin;

import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The storage half of {@code verify}: every page's checksum and structure, every tree's
 * invariants and the free-space accounting ({@link Store#verify()}), on a read-only open.
 *
 * <p>Opening also checks the newest commit, and if its pages are not all intact it quietly
 * uses the previous one: the state then verifies clean, but the newest commit is gone. That
 * happens after a crash before the commit was acknowledged (nothing acknowledged is lost) and
 * when an acknowledged commit was damaged later; the file cannot tell which, so it is reported
 * as a problem, with both explanations.
 *
 * @param report what {@link Store#verify()} found (null if it could not finish)
 * @param problems everything wrong, empty when healthy
 */
public record StorageCheck(IntegrityReport report, List<String> problems) {

  /**
   * Checks the database at {@code path}.
   *
   * @throws dev.ferrite.storage.StorageException if it cannot be opened at all (not a
   *     database, both meta pages damaged, locked by another process)
   */
  public static StorageCheck run(Path path) {
    try (Store store = Store.open(path, StoreOptions.defaults().withReadOnly(true))) {
      List<String> problems = new ArrayList<>();
      if (store.recoveryNote() != null) {
        problems.add("the newest commit is incomplete or damaged, so the database opens at "
            + "transaction " + store.lastCommittedTxnId() + ": " + store.recoveryNote()
            + ". After a crash this is the expected recovery (that commit was never "
            + "acknowledged); otherwise an acknowledged commit was lost to damage.");
      }
      IntegrityReport report;
      try {
        report = store.verify();
      } catch (StorageCorruptionException e) {
        problems.add(e.getMessage());
        return new StorageCheck(null, problems);
      }
      problems.addAll(report.problems());
      return new StorageCheck(report, problems);
    }
  }
}
