package dev.ferrite.sqltests.reliability;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * One transaction of the killed-JVM workload, as the child logs it before running it: a kind, the
 * transaction number that tags what it writes, and integer arguments. The line is all the parent
 * needs to replay the transaction on its model ({@link KillModel#apply}).
 *
 * @param kind what the transaction does
 * @param txn its number; every row or table it creates carries it
 * @param args the kind's arguments (listed with each kind)
 */
record KillOp(Kind kind, long txn, long[] args) {

  /** The transactions the workload runs; "auto" ones are a single statement in autocommit mode. */
  enum Kind {
    /** Several statements: moves (from, to, amount) repeated; ledger. */
    TRANSFER(true),
    /** Autocommit: one UPDATE moving (from, to, amount). */
    AUTO_TRANSFER(false),
    /** Several statements: (rows, junk) inserts rows, then junk rows rolled back to a savepoint; ledger. */
    INSERT(true),
    /** Autocommit: one multi-row INSERT of (rows). */
    AUTO_INSERT(false),
    /** Several statements: (tag) gives every item of an earlier transaction this one's payload; ledger. */
    UPDATE(true),
    /** Several statements: (tag) deletes the items of an earlier transaction; ledger. */
    DELETE(true),
    /** Autocommit: one DELETE of the items of (tag). */
    AUTO_DELETE(false),
    /** Several statements: CREATE TABLE, CREATE INDEX, INSERT of (rows); ledger. */
    CREATE(true),
    /** Several statements: DROP TABLE of the side table made by (tag); ledger. */
    DROP(true),
    /** Autocommit: CREATE INDEX on column w of the side table made by (tag). */
    AUTO_INDEX(false),
    /** Several statements: (rows) inserted and a transfer, then ROLLBACK: no effect. */
    ROLLBACK(true);

    /** Whether it runs with autocommit off and counts in the ledger (ROLLBACK never commits). */
    final boolean multiStatement;

    Kind(boolean multiStatement) {
      this.multiStatement = multiStatement;
    }

    /** Whether a successful run is a commit (every kind but ROLLBACK). */
    boolean commits() {
      return this != ROLLBACK;
    }
  }

  long arg(int i) {
    return args[i];
  }

  /** The log form: {@code KIND txn arg...}. */
  @Override
  public String toString() {
    return kind + " " + txn + Arrays.stream(args).mapToObj(a -> " " + a).collect(Collectors.joining());
  }

  /** Parses {@link #toString()}. */
  static KillOp parse(String line) {
    String[] f = line.trim().split(" ");
    long[] args = new long[f.length - 2];
    for (int i = 0; i < args.length; i++) {
      args[i] = Long.parseLong(f[i + 2]);
    }
    return new KillOp(Kind.valueOf(f[0]), Long.parseLong(f[1]), args);
  }
}
