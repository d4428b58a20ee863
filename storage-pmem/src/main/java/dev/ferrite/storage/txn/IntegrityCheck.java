package dev.ferrite.storage.txn;

import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.alloc.PageAllocator;
import dev.ferrite.storage.btree.TreeChecker;
import dev.ferrite.storage.btree.TreeCursor;
import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.util.LongList;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * Verifies one snapshot completely: every reachable page's checksum and structure (read fresh,
 * not trusting the verified-page cache), tree invariants, entry counts against descriptors, and
 * free-space accounting: every page below the high-water mark is used exactly once, by a tree,
 * the free list or the commit log ring, and none is lost.
 */
public final class IntegrityCheck {
  private final ReadContext txn;
  private final BitSet seen = new BitSet();
  private final List<String> problems = new ArrayList<>();

  private IntegrityCheck(ReadContext txn) {
    this.txn = txn;
  }

  /** Checks the snapshot of {@code txn}. */
  public static IntegrityReport run(ReadContext txn) {
    return new IntegrityCheck(txn).check();
  }

  private void claim(long page, String owner) {
    if (claimUnchecked(page, owner)) {
      txn.core.pager.verify(txn.core.pager.raw(page), page);
    }
  }

  /** Records {@code page} as used by {@code owner}; false if that is a problem. */
  private boolean claimUnchecked(long page, String owner) {
    if (page < PageLayout.FIRST_DATA_PAGE || page >= txn.snapshot.pageCount) {
      problems.add(owner + " references page " + page + " outside the database");
    } else if (seen.get((int) page)) {
      problems.add("page " + page + " is used twice (second use: " + owner + ")");
    } else {
      seen.set((int) page);
      return true;
    }
    return false;
  }

  private IntegrityReport check() {
    Snapshot snapshot = txn.snapshot;
    long treePages = 0;
    long freeListPages = 0;
    long free = 0;
    int trees = 0;
    long entries = 0;
    try {
      long[] counter = new long[1];
      TreeChecker directoryChecker = new TreeChecker(txn, page -> {
        claim(page, "directory");
        counter[0]++;
      });
      directoryChecker.check(snapshot.directoryRoot);
      for (String name : txn.treeNames()) {
        TreeRoot tree = txn.tree(name);
        long counted = new TreeChecker(txn, page -> {
          claim(page, "tree '" + name + "'");
          counter[0]++;
        }).check(tree.root());
        if (counted != tree.entries()) {
          problems.add("tree '" + name + "' has " + counted + " entries but its descriptor says "
              + tree.entries());
        }
        trees++;
        entries += counted;
      }
      treePages = counter[0];
      CommitLog log = txn.core.log;
      if (log != null) {
        for (long page = log.startPage(); page < log.startPage() + log.ringPages(); page++) {
          claimUnchecked(page, "commit log");
        }
      }
      long[] freeListCounter = new long[1];
      new TreeChecker(txn, page -> {
        claim(page, "free list");
        freeListCounter[0]++;
      }).check(snapshot.freeListRoot);
      freeListPages = freeListCounter[0];
      free = checkFreeEntries(snapshot);
      for (long page = PageLayout.FIRST_DATA_PAGE; page < snapshot.pageCount; page++) {
        if (!seen.get((int) page)) {
          problems.add("page " + page + " is neither used nor free (leaked)");
          if (problems.size() > 100) {
            break;
          }
        }
      }
    } catch (StorageException e) {
      problems.add(e.getMessage());
    }
    return new IntegrityReport(snapshot.txnId, snapshot.pageCount, treePages, freeListPages,
        free, trees, entries, List.copyOf(problems));
  }

  private long checkFreeEntries(Snapshot snapshot) {
    TreeCursor cursor = new TreeCursor(txn, new TreeRoot(snapshot.freeListRoot, 0), false);
    long free = 0;
    for (boolean more = cursor.first(); more; more = cursor.next()) {
      long txnId = ByteBuffer.wrap(cursor.key()).getLong();
      if (txnId > snapshot.txnId) {
        problems.add("free-list entry of future transaction " + txnId);
      }
      LongList pages = new LongList();
      PageAllocator.decodeEntry(cursor.value(), txnId, pages);
      for (int i = 0; i < pages.size(); i++) {
        long page = pages.get(i);
        if (page < PageLayout.FIRST_DATA_PAGE || page >= snapshot.pageCount) {
          problems.add("free list holds page " + page + " outside the database");
        } else if (seen.get((int) page)) {
          problems.add("page " + page + " is both free and in use (or free twice)");
        } else {
          seen.set((int) page);
        }
      }
      free += pages.size();
    }
    return free;
  }
}
