package dev.ferrite.sqltests.reliability;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;

/** Runs workload transactions ({@link KillOp}) through one JDBC connection. */
final class KillOpRunner {
  private final Connection c;

  KillOpRunner(Connection c) {
    this.c = c;
  }

  /** Runs {@code op}; when this returns, its commit (if any) has been acknowledged. */
  void run(KillOp op) throws SQLException {
    long t = op.txn();
    c.setAutoCommit(!op.kind().multiStatement);
    switch (op.kind()) {
      case TRANSFER -> {
        for (int i = 0; i < op.args().length; i += 3) {
          update("UPDATE accounts SET balance = balance - ?, last_txn = ? WHERE id = ?", op.arg(i + 2), t, op.arg(i));
          update("UPDATE accounts SET balance = balance + ?, last_txn = ? WHERE id = ?", op.arg(i + 2), t, op.arg(i + 1));
        }
      }
      case AUTO_TRANSFER -> update("UPDATE accounts SET balance = balance + CAST(? AS BIGINT) * CASE WHEN id = ? THEN -1 ELSE 1 END,"
          + " last_txn = ? WHERE id IN (?, ?)", op.arg(2), op.arg(0), t, op.arg(0), op.arg(1));
      case INSERT -> {
        insertItems(t, 0, (int) op.arg(0));
        Savepoint before = c.setSavepoint();
        insertItems(t, 1000, (int) op.arg(1));   // never visible: undone below
        c.rollback(before);
      }
      case AUTO_INSERT -> insertItems(t, 0, (int) op.arg(0));
      case UPDATE -> update("UPDATE items SET payload = ? WHERE txn = ?", KillSchema.payload(t), op.arg(0));
      case DELETE, AUTO_DELETE -> update("DELETE FROM items WHERE txn = ?", op.arg(0));
      case CREATE -> createSide(t, (int) op.arg(0));
      case DROP -> Sql.exec(c, "DROP TABLE " + KillSchema.side(op.arg(0)));
      case AUTO_INDEX -> Sql.exec(c, "CREATE INDEX " + KillSchema.side(op.arg(0)) + "_W ON "
          + KillSchema.side(op.arg(0)) + "(w)");
      case ROLLBACK -> {
        insertItems(t, 0, (int) op.arg(0));
        update("UPDATE accounts SET balance = balance + 1000000, last_txn = ? WHERE id = 0", t);
        bumpLedger(KillOp.Kind.TRANSFER, t);
        c.rollback();
        return;
      }
      default -> throw new IllegalStateException(op.kind().toString());
    }
    if (op.kind().multiStatement) {
      bumpLedger(op.kind(), t);
      c.commit();
    }
  }

  private void bumpLedger(KillOp.Kind kind, long t) throws SQLException {
    update("UPDATE ledger SET commits = commits + 1, last_txn = ? WHERE kind = ?", t, kind.name());
  }

  /** Items {@code first}.. of transaction {@code t}, in one multi-row INSERT. */
  private void insertItems(long t, int first, int rows) throws SQLException {
    if (rows == 0) {
      return;
    }
    String values = ", (?, ?, ?, ?)".repeat(rows).substring(2);
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO items VALUES " + values)) {
      for (int i = 0; i < rows; i++) {
        ps.setLong(4 * i + 1, t);
        ps.setInt(4 * i + 2, first + i);
        ps.setString(4 * i + 3, KillSchema.payload(t));
        ps.setString(4 * i + 4, KillSchema.body(t, first + i));
      }
      ps.executeUpdate();
    }
  }

  private void createSide(long t, int rows) throws SQLException {
    String table = KillSchema.side(t);
    Sql.exec(c, "CREATE TABLE " + table + "(id INTEGER PRIMARY KEY, v INTEGER NOT NULL, w VARCHAR(40) NOT NULL)",
        "CREATE INDEX " + table + "_V ON " + table + "(v)");
    try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " VALUES (?, ?, ?)")) {
      for (int id = 0; id < rows; id++) {
        ps.setInt(1, id);
        ps.setInt(2, KillSchema.sideV(id));
        ps.setString(3, KillSchema.sideW(t, id));
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  private void update(String sql, Object... params) throws SQLException {
    Sql.update(c, sql, params);
  }
}
