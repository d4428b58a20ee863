package dev.ferrite.sqltests.files;

import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * The storage engine's view of a file the driver wrote, opened read-only after the last
 * connection to it has closed, so looking never changes it: its integrity check
 * ({@code Store.verify}: every page's checksum and structure, tree invariants, free-space
 * accounting) and its size.
 */
final class StoreCheck {
  private StoreCheck() {}

  /** The problems verify finds in {@code file}; empty when healthy. */
  static List<String> problems(Path file) {
    try (Store store = open(file)) {
      IntegrityReport report = store.verify();
      return report.problems();
    }
  }

  /** How many pages of {@code file} hold the database (the rest are zeros grown for later). */
  static long usedPages(Path file) {
    try (Store store = open(file)) {
      return store.pageCount();
    }
  }

  private static Store open(Path file) {
    return Store.open(file, StoreOptions.defaults().withReadOnly(true));
  }
}
