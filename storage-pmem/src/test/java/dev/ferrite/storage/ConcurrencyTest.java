package dev.ferrite.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Readers see consistent snapshots while a writer commits; writers exclude each other. */
class ConcurrencyTest {
  private static final int ACCOUNTS = 500;
  private static final long TOTAL = ACCOUNTS * 1000L;

  @TempDir
  Path dir;

  private static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  private static byte[] amount(long value) {
    return ByteBuffer.allocate(8).putLong(value).array();
  }

  @Test
  void readersAlwaysSeeAConsistentSnapshotWhileTheWriterCommits() throws Exception {
    try (Store store = Store.open(dir.resolve("bank.db"), StoreOptions.defaults())) {
      try (WriteTransaction txn = store.beginWrite()) {
        Tree tree = txn.createTree("accounts");
        for (int i = 0; i < ACCOUNTS; i++) {
          tree.put(key(i), amount(1000));
        }
        txn.commit();
      }
      long deadline = System.nanoTime() + 4_000_000_000L;
      AtomicReference<Throwable> failure = new AtomicReference<>();
      AtomicLong snapshotsChecked = new AtomicLong();
      List<Thread> readers = new ArrayList<>();
      for (int r = 0; r < 3; r++) {
        Thread reader = new Thread(() -> {
          try {
            while (System.nanoTime() < deadline && failure.get() == null) {
              try (ReadTransaction txn = store.beginRead()) {
                long sum = 0;
                Cursor cursor = txn.tree("accounts").cursor();
                for (boolean more = cursor.first(); more; more = cursor.next()) {
                  sum += ByteBuffer.wrap(cursor.value()).getLong();
                }
                if (sum != TOTAL) {
                  throw new AssertionError("snapshot " + txn.snapshotTxnId() + " sums to " + sum);
                }
                snapshotsChecked.incrementAndGet();
              }
            }
          } catch (Throwable t) {
            failure.compareAndSet(null, t);
          }
        });
        reader.start();
        readers.add(reader);
      }
      Random random = new Random(5);
      long commits = 0;
      while (System.nanoTime() < deadline) {
        try (WriteTransaction txn = store.beginWrite()) {
          Tree tree = txn.tree("accounts");
          for (int transfer = 0; transfer < 5; transfer++) {
            int from = random.nextInt(ACCOUNTS);
            int to = random.nextInt(ACCOUNTS);
            long value = random.nextInt(50);
            tree.put(key(from), amount(ByteBuffer.wrap(tree.get(key(from))).getLong() - value));
            tree.put(key(to), amount(ByteBuffer.wrap(tree.get(key(to))).getLong() + value));
          }
          txn.commit();
          commits++;
        }
      }
      for (Thread reader : readers) {
        reader.join();
      }
      if (failure.get() != null) {
        throw new AssertionError(failure.get());
      }
      System.out.printf("concurrency: %d commits, %d reader snapshots checked%n", commits,
          snapshotsChecked.get());
      assertTrue(commits > 10 && snapshotsChecked.get() > 10);
      assertTrue(store.verify().healthy());
    }
  }

  @Test
  void aSecondWriterWaitsThenGetsBusy() throws Exception {
    StoreOptions options = StoreOptions.defaults().withBusyTimeoutMillis(200);
    try (Store store = Store.open(dir.resolve("busy.db"), options)) {
      WriteTransaction first = store.beginWrite();
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      CountDownLatch done = new CountDownLatch(1);
      long started = System.nanoTime();
      Thread second = new Thread(() -> {
        try {
          store.beginWrite().close();
        } catch (Throwable t) {
          outcome.set(t);
        }
        done.countDown();
      });
      second.start();
      done.await();
      long waitedMillis = (System.nanoTime() - started) / 1_000_000;
      StorageException busy = (StorageException) outcome.get();
      assertEquals(StorageErrorCode.BUSY, busy.code());
      assertTrue(waitedMillis >= 150, "waited only " + waitedMillis + " ms");
      // Readers are not blocked by the writer.
      try (ReadTransaction reader = store.beginRead()) {
        assertEquals(0, reader.snapshotTxnId());
      }
      first.abort();
      // After the first ends, a writer gets in at once, on another thread than the first used.
      Thread third = new Thread(() -> store.beginWrite().close());
      third.start();
      third.join();
    }
  }

  @Test
  void interruptingACommittingThreadNeitherClosesTheFileNorBreaksTheCommit() throws Exception {
    try (Store store = Store.open(dir.resolve("interrupt.db"), StoreOptions.defaults())) {
      AtomicReference<Throwable> failure = new AtomicReference<>();
      Thread worker = new Thread(() -> {
        try {
          for (int i = 0; i < 50; i++) {
            try (WriteTransaction txn = store.beginWrite()) {
              txn.openOrCreateTree("t").put(key(i), key(i));
              Thread.currentThread().interrupt();
              txn.commit();
              assertTrue(Thread.interrupted(), "the interrupt flag is kept for the caller");
            }
          }
        } catch (Throwable t) {
          failure.set(t);
        }
      });
      worker.start();
      worker.join();
      if (failure.get() != null) {
        throw new AssertionError(failure.get());
      }
      try (ReadTransaction txn = store.beginRead()) {
        assertEquals(50, txn.tree("t").entries());
      }
      assertTrue(store.verify().healthy());
    }
  }

  @Test
  void interruptWhileWaitingForTheWriteLockIsReported() throws Exception {
    try (Store store = Store.open(dir.resolve("wait.db"), StoreOptions.defaults())) {
      WriteTransaction holder = store.beginWrite();
      AtomicReference<Throwable> outcome = new AtomicReference<>();
      Thread waiter = new Thread(() -> {
        Thread.currentThread().interrupt();
        try {
          store.beginWrite();
        } catch (Throwable t) {
          outcome.set(t);
        }
      });
      waiter.start();
      waiter.join();
      holder.abort();
      assertEquals(StorageErrorCode.INTERRUPTED, ((StorageException) outcome.get()).code());
      assertThrows(StorageException.class, () -> {
        throw outcome.get();
      });
    }
  }
}
