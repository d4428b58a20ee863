package dev.ferrite.storage.faults;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The transactions every fault run replays, identical each time so that "the k-th write" names
 * the same write in every run: puts of small values and of values long enough for overflow
 * chains, deletes, over three trees, enough data for the file to grow several times and for
 * large transactions to spill dirty pages before they commit.
 */
final class FaultWorkload {
  /** One change: a delete, or a put of a value of {@code valueLength} bytes. */
  record Op(String tree, int key, int valueLength, boolean delete) {}

  /** One transaction's changes, and whether it commits without waiting for its sync. */
  record Transaction(List<Op> ops, boolean deferred) {}

  private static final String[] TREES = {"a", "b", "c"};

  private FaultWorkload() {}

  static List<Transaction> transactions() {
    Random random = new Random(8);
    List<Transaction> transactions = new ArrayList<>();
    for (int t = 0; t < 24; t++) {
      List<Op> ops = new ArrayList<>();
      int count = 1 + random.nextInt(t % 6 == 5 ? 120 : 12);
      for (int i = 0; i < count; i++) {
        String tree = TREES[random.nextInt(TREES.length)];
        int key = random.nextInt(300);
        if (random.nextInt(5) == 0) {
          ops.add(new Op(tree, key, 0, true));
        } else {
          int length = random.nextInt(8) == 0 ? 3000 + random.nextInt(12_000)
              : 1 + random.nextInt(200);
          ops.add(new Op(tree, key, length, false));
        }
      }
      transactions.add(new Transaction(ops, t % 4 == 1));
    }
    return transactions;
  }

  static byte[] key(int key) {
    return ByteBuffer.allocate(4).putInt(key).array();
  }

  /** The value an op writes, derived from the op alone so that a retry writes the same bytes. */
  static byte[] value(Op op) {
    byte[] value = new byte[op.valueLength()];
    new Random(op.key() * 31L + op.valueLength()).nextBytes(value);
    return value;
  }
}
