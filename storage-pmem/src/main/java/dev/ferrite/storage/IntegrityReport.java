package dev.ferrite.storage;

import java.util.List;

/**
 * Result of a full integrity check: what was found and every problem, so a tool can print all of
 * them rather than stop at the first.
 *
 * @param txnId the committed transaction that was checked
 * @param pageCount pages below the high-water mark
 * @param treePages pages reachable from named trees and the directory
 * @param freeListPages pages of the free-list tree itself
 * @param freePages pages listed as free
 * @param trees number of named trees
 * @param entries entries over all named trees
 * @param problems human-readable problems; empty when healthy
 */
public record IntegrityReport(long txnId, long pageCount, long treePages, long freeListPages,
    long freePages, int trees, long entries, List<String> problems) {

  /** Whether no problem was found. */
  public boolean healthy() {
    return problems.isEmpty();
  }
}
