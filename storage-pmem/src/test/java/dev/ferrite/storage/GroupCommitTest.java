package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.region.FileRegion;
import dev.ferrite.storage.region.ForwardingRegion;
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
   * A region that takes stores from one thread at a time gets its committed pages written by
   * whoever awaits them: the group leader or the next writer, never both at once.
   */
  @Test
  void concurrentCommitsOnARegionWithoutConcurrentStores() throws Exception {
    StoreOptions options = StoreOptions.defaults();
    FileRegion file = FileRegion.open(dir.resolve("serial.db"), true, false,
        options.chunkShift(), DurabilitySelector.backend(Durability.PAGE).writePath(false));
    // A ForwardingRegion claims no concurrent stores.
    try (Store store = Store.open(new ForwardingRegion(file) {}, options)) {
      commitFromThreads(store, 4, 150, false);
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
