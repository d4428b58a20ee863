package dev.ferrite.tools.bench.workload;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Random;

/**
 * W2: loads {@code rows} rows into a freshly created table {@code bulk} with
 * addBatch/executeBatch (1,000 rows a batch) in one transaction, commit included in the time.
 * Dropping and creating the table is not timed. Afterwards COUNT(*) must equal {@code rows}.
 */
final class BulkLoad extends NamedWorkload {
  BulkLoad() {
    super("W2", "bulk load in one transaction", Unit.ROWS_PER_S);
  }

  @Override
  public Measurement run(OpenEngine db, BenchConfig config, Random random) throws Exception {
    Connection c = db.connection();
    try (Statement s = c.createStatement()) {
      s.execute("DROP TABLE IF EXISTS bulk");
    }
    Schema.createRowTable(db.engine(), c, "bulk");
    long start = System.nanoTime();
    Schema.load(c, "bulk", config.rows());
    double seconds = (System.nanoTime() - start) / 1e9;
    long count;
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM bulk")) {
      rs.next();
      count = rs.getLong(1);
    }
    String check = count == config.rows() ? "COUNT(*)=" + count
        : "FAILED: COUNT(*)=" + count + ", loaded " + config.rows();
    return new Measurement(config.rows() / seconds, config.rows(), config.rows(), 0, -1, -1, check);
  }
}
