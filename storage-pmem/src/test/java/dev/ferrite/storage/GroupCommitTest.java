package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * Group commit on a real file: with several threads committing at once, fewer durable writes
 * than commits, and every commit durable (visible to new readers) when {@code commit()} returns.
 */
class GroupCommitTest {
  @TempDir
  Path dir;

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {2, 4, 16})
  void concurrentCommitsShareSyncs(int threads) throws Exception {
    try (Store store = Store.open(dir.resolve("group.db"), StoreOptions.defaults())) {
      commitFromThreads(store, threads, 60, threads >= 4);
    }
  }

  /**
   * A 64 KiB commit log fills every few commits, so group leaders keep checkpointing (writing the
   * unwritten pages in place and syncing) while the next writers read, spill and list new pages:
   * every commit must still be there, in memory and after reopening.
   */
  @Test
  void concurrentCommitsAcrossFrequentCheckpoints() throws Exception {
    Path file = dir.resolve("checkpoints.db");
    StoreOptions options = StoreOptions.defaults().withLogBytes(64 << 10);
    try (Store store = Store.open(file, options)) {
      commitFromThreads(store, 4, 150, false);
    }
    try (Store store = Store.open(file, options); ReadTransaction txn = store.beginRead()) {
      assertEquals(4 * 150, txn.tree("t").entries());
      assertTrue(store.verify().healthy());
    }
  }

  private static void commitFromThreads(Store store, int threads, int perThread,
      boolean expectGrouping) throws Exception {
    try (WriteTransaction txn = store.beginWrite()) {
      txn.createTree("t");
      txn.commit();
    }
    long[] before = store.syncsAndCommits();
    AtomicReference<Throwable> failure = new AtomicReference<>();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      int thread = t;
      Thread worker = new Thread(() -> {
        try {
          for (int i = 0; i < perThread; i++) {
            long txnId;
            try (WriteTransaction txn = store.beginWrite()) {
              txn.tree("t").put(ByteBuffer.allocate(8).putInt(thread).putInt(i).array(),
                  new byte[100]);
              txnId = txn.txnId();
              txn.commit();
            }
            if (store.lastCommittedTxnId() < txnId) {
              throw new AssertionError("commit " + txnId + " returned before it was durable");
            }
          }
        } catch (Throwable e) {
          failure.compareAndSet(null, e);
        }
      });
      worker.start();
      workers.add(worker);
    }
    for (Thread worker : workers) {
      worker.join();
    }
    if (failure.get() != null) {
      throw new AssertionError(failure.get());
    }
    long[] after = store.syncsAndCommits();
    long syncs = after[0] - before[0];
    long commits = after[1] - before[1];
    System.out.printf("group commit, %d threads: %d commits, %d syncs (%.2f per commit)%n",
        threads, commits, syncs, (double) syncs / commits);
    assertEquals(threads * perThread, commits);
    // Two threads pipeline: one prepares while the other's commit is on its way to the disk,
    // so groups form only by scheduling accident. From four on, commits wait together.
    if (expectGrouping) {
      assertTrue(syncs < commits, syncs + " syncs for " + commits + " commits");
    }
    try (ReadTransaction txn = store.beginRead()) {
      assertEquals(threads * perThread, txn.tree("t").entries());
    }
    assertTrue(store.verify().healthy());
  }
}
