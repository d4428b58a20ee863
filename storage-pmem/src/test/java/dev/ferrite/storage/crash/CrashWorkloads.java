package dev.ferrite.storage.crash;

import dev.ferrite.storage.ReadTransaction;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** The workloads the crash campaign runs; each deterministic for its seed. */
final class CrashWorkloads {
  private CrashWorkloads() {}

  static byte[] key(int i) {
    return ByteBuffer.allocate(4).putInt(i).array();
  }

  static byte[] value(Random random, int length) {
    byte[] value = new byte[length];
    random.nextBytes(value);
    return value;
  }

  /**
   * Small keys and values in three trees, short transactions, some aborted, many committed
   * deferred so that several commits share one sync (group commit).
   */
  static final CrashHarness.Workload SMALL_TRANSACTIONS = new CrashHarness.Workload() {
    @Override
    public String name() {
      return "small-transactions";
    }

    @Override
    public void run(CrashHarness h, Random random) {
      String[] trees = {"a", "b", "c"};
      java.util.List<dev.ferrite.storage.PendingCommit> pending = new ArrayList<>();
      for (int t = 0; t < 60; t++) {
        h.begin();
        int ops = 1 + random.nextInt(6);
        for (int i = 0; i < ops; i++) {
          String tree = trees[random.nextInt(trees.length)];
          int k = random.nextInt(400);
          if (random.nextInt(4) == 0) {
            h.delete(tree, key(k));
          } else {
            h.put(tree, key(k), value(random, 1 + random.nextInt(120)));
          }
        }
        int outcome = random.nextInt(8);
        if (outcome == 0) {
          h.abort();
        } else if (outcome < 4) {
          // Deferred: later commits join the same group until one of them is awaited.
          pending.add(h.commitDeferred());
        } else {
          h.commit();
        }
        if (!pending.isEmpty() && random.nextInt(4) == 0) {
          h.awaitDurable(pending.get(random.nextInt(pending.size())));
          pending.clear();
        }
      }
    }
  };

  /**
   * Large values in overflow chains, rewritten and deleted so the free list turns over, while a
   * reader sometimes pins an old snapshot (whose pages must then not be reused).
   */
  static final CrashHarness.Workload OVERFLOW_CHURN = new CrashHarness.Workload() {
    @Override
    public String name() {
      return "overflow-churn";
    }

    @Override
    public void run(CrashHarness h, Random random) {
      List<ReadTransaction> pinned = new ArrayList<>();
      for (int t = 0; t < 40; t++) {
        if (random.nextInt(5) == 0) {
          pinned.add(h.pinSnapshot());
        }
        if (!pinned.isEmpty() && random.nextInt(3) == 0) {
          pinned.remove(0).close();
        }
        h.begin();
        int k = random.nextInt(12);
        if (random.nextInt(4) == 0) {
          h.delete("blobs", key(k));
        } else {
          h.put("blobs", key(k), value(random, random.nextInt(14_000)));
        }
        h.put("index", key(k), value(random, 8));
        h.commit();
      }
      pinned.forEach(ReadTransaction::close);
    }
  };

  /**
   * Bulk loads through the append path in transactions larger than the dirty-page limit (so pages
   * are spilled and the commit list needs its own pages), then dropping and recreating trees.
   */
  static final CrashHarness.Workload BULK_AND_DROP = new CrashHarness.Workload() {
    @Override
    public String name() {
      return "bulk-and-drop";
    }

    @Override
    public void run(CrashHarness h, Random random) {
      for (int round = 0; round < 3; round++) {
        h.begin();
        for (int i = 0; i < 3000; i++) {
          h.append("bulk", key(i), value(random, 16 + random.nextInt(64)));
        }
        h.commit();
        h.begin();
        for (int i = 0; i < 50; i++) {
          h.delete("bulk", key(random.nextInt(3000)));
        }
        h.put("other", key(round), value(random, 40));
        h.commit();
        h.begin();
        h.drop("bulk");
        if (round == 1) {
          h.abort();
          h.begin();
          h.drop("bulk");
        }
        h.commit();
      }
    }
  };

  static List<CrashHarness.Workload> all() {
    return List.of(SMALL_TRANSACTIONS, OVERFLOW_CHURN, BULK_AND_DROP);
  }
}
