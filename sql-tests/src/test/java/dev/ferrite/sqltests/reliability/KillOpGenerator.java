package dev.ferrite.sqltests.reliability;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Chooses the workload's next transaction from the current state. The weights keep the database
 * small (inserts stop at {@value #MAX_TAGS} live item sets, tables at {@value #MAX_SIDES}) so
 * every check after a kill can read all of it, while every kind keeps running.
 */
final class KillOpGenerator {
  private static final int MAX_TAGS = 40;
  private static final int MAX_SIDES = 4;

  private final Random random;

  KillOpGenerator(Random random) {
    this.random = random;
  }

  /** The transaction numbered {@code txn}, valid in state {@code model}. */
  KillOp next(KillModel model, long txn) {
    List<Long> tags = model.tags();
    List<Long> sides = model.sideTables();
    List<Long> unindexed = sides.stream().filter(s -> !model.sideHasWIndex(s)).toList();
    List<KillOp.Kind> kinds = new ArrayList<>();
    add(kinds, KillOp.Kind.TRANSFER, 20);
    add(kinds, KillOp.Kind.AUTO_TRANSFER, 15);
    add(kinds, KillOp.Kind.ROLLBACK, 5);
    if (tags.size() < MAX_TAGS) {
      add(kinds, KillOp.Kind.INSERT, 15);
      add(kinds, KillOp.Kind.AUTO_INSERT, 10);
    }
    if (!tags.isEmpty()) {
      add(kinds, KillOp.Kind.UPDATE, 8);
      add(kinds, KillOp.Kind.DELETE, 6);
      add(kinds, KillOp.Kind.AUTO_DELETE, 6);
    }
    if (sides.size() < MAX_SIDES) {
      add(kinds, KillOp.Kind.CREATE, 4);
    }
    if (!sides.isEmpty()) {
      add(kinds, KillOp.Kind.DROP, 3);
    }
    if (!unindexed.isEmpty()) {
      add(kinds, KillOp.Kind.AUTO_INDEX, 3);
    }
    KillOp.Kind kind = kinds.get(random.nextInt(kinds.size()));
    return new KillOp(kind, txn, switch (kind) {
      case TRANSFER -> moves(1 + random.nextInt(3));
      case AUTO_TRANSFER -> moves(1);
      case INSERT -> new long[] {1 + random.nextInt(30), random.nextInt(5)};
      case AUTO_INSERT -> new long[] {1 + random.nextInt(12)};
      case UPDATE, DELETE, AUTO_DELETE -> new long[] {pick(tags)};
      case CREATE -> new long[] {1 + random.nextInt(25)};
      case DROP -> new long[] {pick(sides)};
      case AUTO_INDEX -> new long[] {pick(unindexed)};
      case ROLLBACK -> new long[] {1 + random.nextInt(10)};
    });
  }

  private static void add(List<KillOp.Kind> kinds, KillOp.Kind kind, int weight) {
    for (int i = 0; i < weight; i++) {
      kinds.add(kind);
    }
  }

  /** {@code n} transfers (from, to, amount) between distinct accounts. */
  private long[] moves(int n) {
    long[] moves = new long[3 * n];
    for (int i = 0; i < moves.length; i += 3) {
      int from = random.nextInt(KillSchema.ACCOUNTS);
      moves[i] = from;
      moves[i + 1] = (from + 1 + random.nextInt(KillSchema.ACCOUNTS - 1)) % KillSchema.ACCOUNTS;
      moves[i + 2] = 1 + random.nextInt(300);
    }
    return moves;
  }

  private long pick(List<Long> choices) {
    return choices.get(random.nextInt(choices.size()));
  }
}
