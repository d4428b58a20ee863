package dev.ferrite.sqltests.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Tables of the killed-JVM workload and the values it writes. Every value is a function of the
 * transaction number that wrote it, so the parent can recompute the whole database from the
 * transactions the child logged, and a row that belongs to no transaction, or half of one, shows.
 *
 * <ul>
 *   <li>{@code accounts(id, balance, last_txn)}: {@value #ACCOUNTS} accounts; transfers keep the
 *       total at {@value #ACCOUNTS} × {@value #INITIAL_BALANCE};
 *   <li>{@code items(txn, seq, payload, body)}: rows tagged with the inserting transaction;
 *       {@code payload} (indexed) names the last transaction that inserted or updated them,
 *       {@code body} is sometimes NULL and sometimes several KiB (overflow pages);
 *   <li>{@code ledger(kind, commits, last_txn)}: bookkeeping, bumped by every multi-statement
 *       transaction inside the transaction;
 *   <li>{@code side_<txn>(id, v, w)}: tables created (with an index on v) and dropped by DDL
 *       transactions.
 * </ul>
 */
final class KillSchema {
  static final int ACCOUNTS = 20;
  static final long INITIAL_BALANCE = 1000;
  /** The character pattern long strings repeat; any content works as long as both sides agree. */
  private static final String FILL = "abcdefghijklmnopqrstuvwxyz0123456789";

  private KillSchema() {
  }

  /** Creates the tables and their first rows (the state before transaction 1). */
  static void create(Connection c) throws SQLException {
    Sql.exec(c,
        "CREATE TABLE accounts(id INTEGER PRIMARY KEY, balance BIGINT NOT NULL, last_txn BIGINT NOT NULL)",
        "CREATE TABLE items(txn BIGINT NOT NULL, seq INTEGER NOT NULL, payload VARCHAR(600) NOT NULL,"
            + " body VARCHAR(8000), PRIMARY KEY (txn, seq))",
        "CREATE INDEX items_payload ON items(payload)",
        "CREATE TABLE ledger(kind VARCHAR(20) PRIMARY KEY, commits BIGINT NOT NULL, last_txn BIGINT NOT NULL)");
    boolean auto = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement account = c.prepareStatement("INSERT INTO accounts VALUES (?, ?, 0)");
        PreparedStatement ledger = c.prepareStatement("INSERT INTO ledger VALUES (?, 0, 0)")) {
      for (int id = 0; id < ACCOUNTS; id++) {
        account.setInt(1, id);
        account.setLong(2, INITIAL_BALANCE);
        account.executeUpdate();
      }
      for (KillOp.Kind kind : KillOp.Kind.values()) {
        if (kind.multiStatement && kind.commits()) {
          ledger.setString(1, kind.name());
          ledger.executeUpdate();
        }
      }
    }
    c.commit();
    c.setAutoCommit(auto);
  }

  /** The payload of items last written by transaction {@code txn}: unique per transaction. */
  static String payload(long txn) {
    return "p" + txn + ":" + fill((int) (txn * 29 % 400));
  }

  /** The transaction a payload names, or -1 if it is not a payload at all. */
  static long payloadTxn(String payload) {
    int colon = payload.indexOf(':');
    try {
      return payload.startsWith("p") && colon > 1 ? Long.parseLong(payload.substring(1, colon)) : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  /** The body of item {@code seq} of transaction {@code txn}: NULL, short, or several KiB. */
  static String body(long txn, int seq) {
    long h = txn * 31 + seq * 7;
    if (h % 7 == 3) {
      return null;
    }
    return h % 5 == 0 ? fill(2000 + (int) (h % 5000)) : "b" + txn + "." + seq;
  }

  /** The name of the side table created by transaction {@code txn}. */
  static String side(long txn) {
    return "SIDE_" + txn;
  }

  /** Column v of row {@code id} of a side table (five distinct values, so the index has duplicates). */
  static int sideV(int id) {
    return id % 5;
  }

  /** Column w of row {@code id} of the side table of transaction {@code txn}. */
  static String sideW(long txn, int id) {
    return "w" + txn + "_" + id;
  }

  private static String fill(int length) {
    return FILL.repeat(length / FILL.length() + 1).substring(0, length);
  }
}
