package dev.ferrite.sqltests.reliability;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The state of the killed-JVM workload's database ({@link KillSchema}), either expected (the
 * initial state with logged transactions applied) or read back from a database. Two states are
 * compared through their {@link #describe()} texts, which are also what a failure shows.
 */
final class KillModel {
  /** Items of one inserting transaction: {@code rows} rows whose payload names {@code payloadTxn}. */
  private record Tag(int rows, long payloadTxn) {
  }

  /** One ledger row. */
  private record Ledger(long commits, long lastTxn) {
  }

  /** A side table: its row count and whether column w got an index. */
  private record Side(int rows, boolean wIndex) {
  }

  private final long[] balance = new long[KillSchema.ACCOUNTS];
  private final long[] lastTxn = new long[KillSchema.ACCOUNTS];
  private final TreeMap<Long, Tag> items = new TreeMap<>();
  private final TreeMap<String, Ledger> ledger = new TreeMap<>();
  private final TreeMap<Long, Side> sides = new TreeMap<>();

  private KillModel() {
  }

  /** The state {@link KillSchema#create} leaves. */
  static KillModel initial() {
    KillModel m = new KillModel();
    Arrays.fill(m.balance, KillSchema.INITIAL_BALANCE);
    for (KillOp.Kind kind : KillOp.Kind.values()) {
      if (kind.multiStatement && kind.commits()) {
        m.ledger.put(kind.name(), new Ledger(0, 0));
      }
    }
    return m;
  }

  KillModel copy() {
    KillModel m = new KillModel();
    System.arraycopy(balance, 0, m.balance, 0, balance.length);
    System.arraycopy(lastTxn, 0, m.lastTxn, 0, lastTxn.length);
    m.items.putAll(items);
    m.ledger.putAll(ledger);
    m.sides.putAll(sides);
    return m;
  }

  /** Item tags (inserting transactions) that have rows. */
  List<Long> tags() {
    return new ArrayList<>(items.keySet());
  }

  /** Row count of the items of {@code tag}. */
  int tagRows(long tag) {
    return items.get(tag).rows;
  }

  /** The payload of the items of {@code tag}. */
  String tagPayload(long tag) {
    return KillSchema.payload(items.get(tag).payloadTxn);
  }

  /** Transactions whose side table exists. */
  List<Long> sideTables() {
    return new ArrayList<>(sides.keySet());
  }

  int sideRows(long txn) {
    return sides.get(txn).rows;
  }

  boolean sideHasWIndex(long txn) {
    return sides.get(txn).wIndex;
  }

  /** The state after {@code op} committed (unchanged for a ROLLBACK). */
  KillModel apply(KillOp op) {
    long t = op.txn();
    switch (op.kind()) {
      case TRANSFER, AUTO_TRANSFER -> {
        for (int i = 0; i < op.args().length; i += 3) {
          int from = (int) op.arg(i);
          int to = (int) op.arg(i + 1);
          balance[from] -= op.arg(i + 2);
          balance[to] += op.arg(i + 2);
          lastTxn[from] = t;
          lastTxn[to] = t;
        }
      }
      case INSERT, AUTO_INSERT -> items.put(t, new Tag((int) op.arg(0), t));
      case UPDATE -> items.put(op.arg(0), new Tag(tagRows(op.arg(0)), t));
      case DELETE, AUTO_DELETE -> items.remove(op.arg(0));
      case CREATE -> sides.put(t, new Side((int) op.arg(0), false));
      case DROP -> sides.remove(op.arg(0));
      case AUTO_INDEX -> sides.put(op.arg(0), new Side(sideRows(op.arg(0)), true));
      case ROLLBACK -> {
        return this;
      }
      default -> throw new IllegalStateException(op.kind().toString());
    }
    if (op.kind().multiStatement) {
      ledger.put(op.kind().name(), new Ledger(ledger.get(op.kind().name()).commits + 1, t));
    }
    return this;
  }

  /** A canonical text of the whole state, one fact per line. */
  String describe() {
    StringBuilder s = new StringBuilder();
    for (int id = 0; id < balance.length; id++) {
      s.append("account ").append(id).append(": balance ").append(balance[id])
          .append(", last_txn ").append(lastTxn[id]).append('\n');
    }
    items.forEach((tag, v) -> s.append("items of ").append(tag).append(": ").append(v.rows)
        .append(" rows, payload of ").append(v.payloadTxn).append('\n'));
    ledger.forEach((kind, v) -> s.append("ledger ").append(kind).append(": ").append(v.commits)
        .append(" commits, last ").append(v.lastTxn).append('\n'));
    sides.forEach((txn, v) -> s.append("table ").append(KillSchema.side(txn)).append(": ")
        .append(v.rows).append(" rows").append(v.wIndex ? ", index on w" : "").append('\n'));
    return s.toString();
  }

  /**
   * Reads the state of a database. Anything the workload cannot have written (an item or side row
   * that no transaction's values explain, half of an item set, a missing index) is an error.
   */
  static KillModel read(Connection c) throws SQLException {
    KillModel m = new KillModel();
    try (Statement s = c.createStatement()) {
      m.readAccounts(s);
      m.readItems(s);
      try (ResultSet rs = s.executeQuery("SELECT kind, commits, last_txn FROM ledger")) {
        while (rs.next()) {
          m.ledger.put(rs.getString(1), new Ledger(rs.getLong(2), rs.getLong(3)));
        }
      }
      for (long txn : sideTableNames(c)) {
        m.sides.put(txn, readSide(c, s, txn));
      }
    }
    return m;
  }

  private void readAccounts(Statement s) throws SQLException {
    int expectedId = 0;
    try (ResultSet rs = s.executeQuery("SELECT id, balance, last_txn FROM accounts ORDER BY id")) {
      while (rs.next()) {
        check(rs.getInt(1) == expectedId, "account " + rs.getInt(1) + " where " + expectedId + " was expected");
        balance[expectedId] = rs.getLong(2);
        lastTxn[expectedId++] = rs.getLong(3);
      }
    }
    check(expectedId == KillSchema.ACCOUNTS, expectedId + " accounts");
  }

  private void readItems(Statement s) throws SQLException {
    try (ResultSet rs = s.executeQuery("SELECT txn, seq, payload, body FROM items ORDER BY txn, seq")) {
      while (rs.next()) {
        long tag = rs.getLong(1);
        int seq = rs.getInt(2);
        String payload = rs.getString(3);
        Tag seen = items.get(tag);
        long payloadTxn = seen == null ? KillSchema.payloadTxn(payload) : seen.payloadTxn;
        String where = "item (" + tag + ", " + seq + ")";
        check(seq == (seen == null ? 0 : seen.rows), where + " does not continue its transaction's rows");
        check(payloadTxn >= tag && payload.equals(KillSchema.payload(payloadTxn)),
            where + " has a payload no transaction wrote for it: " + abbreviate(payload));
        check(Objects.equals(rs.getString(4), KillSchema.body(tag, seq)), where + " has a wrong body");
        items.put(tag, new Tag(seq + 1, payloadTxn));
      }
    }
  }

  private static List<Long> sideTableNames(Connection c) throws SQLException {
    List<Long> txns = new ArrayList<>();
    try (ResultSet rs = c.getMetaData().getTables(null, null, "SIDE%", null)) {
      while (rs.next()) {
        txns.add(Long.parseLong(rs.getString("TABLE_NAME").substring("SIDE_".length())));
      }
    }
    return txns;
  }

  private static Side readSide(Connection c, Statement s, long txn) throws SQLException {
    String table = KillSchema.side(txn);
    int rows = 0;
    try (ResultSet rs = s.executeQuery("SELECT id, v, w FROM " + table + " ORDER BY id")) {
      while (rs.next()) {
        check(rs.getInt(1) == rows && rs.getInt(2) == KillSchema.sideV(rows)
            && rs.getString(3).equals(KillSchema.sideW(txn, rows)), table + " row " + rows + " is wrong");
        rows++;
      }
    }
    Set<String> indexes = new TreeSet<>();
    try (ResultSet rs = c.getMetaData().getIndexInfo(null, null, table, false, false)) {
      while (rs.next()) {
        indexes.add(rs.getString("INDEX_NAME"));
      }
    }
    check(indexes.remove(table + "_PK") && indexes.remove(table + "_V"),
        table + " lacks its primary key or index on v: " + indexes);
    boolean wIndex = indexes.remove(table + "_W");
    check(indexes.isEmpty(), table + " has unexpected indexes " + indexes);
    return new Side(rows, wIndex);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 40) + "...";
  }

  private static void check(boolean ok, String problem) {
    if (!ok) {
      throw new AssertionError(problem);
    }
  }
}
