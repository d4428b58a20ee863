package dev.ferrite.sqltests.reliability;

import java.io.BufferedReader;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Random;

/**
 * The child JVM of {@link KilledJvmTest}: runs workload transactions on a database file until it
 * is killed. Arguments: database file, log file, random seed, durability backend.
 *
 * <p>Protocol on standard output/input: it first warms up on an in-memory database (so the
 * killed phase runs compiled code, not class loading) and prints {@code warm}; it then waits for
 * {@code go <first transaction number>}, opens the file (recovering it), prints {@code ready}
 * and loops. Before each transaction it appends {@code OP <transaction>} to the log, and
 * {@code ACK <number>} only after {@code commit()} (or the autocommit statement) returned.
 */
public final class KillWorkloadMain {
  private static final int WARM_UP_TRANSACTIONS = 100;

  private KillWorkloadMain() {
  }

  /** Runs the child; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException, SQLException {
    Path db = Path.of(args[0]);
    Path log = Path.of(args[1]);
    KillOpGenerator generator = new KillOpGenerator(new Random(Long.parseLong(args[2])));
    warmUp(generator);
    System.out.println("warm");
    String go = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if (go == null) {
      return;   // the parent no longer needs this child
    }
    long txn = Long.parseLong(go.substring("go ".length()));
    // Unbuffered: each line is one write(2), in the page cache before the next transaction
    // starts. No fsync: a killed process loses nothing the kernel already has, and power loss is
    // not what this test simulates.
    try (Connection c = Sql.open(db, "durability=" + args[3]);
        FileOutputStream out = new FileOutputStream(log.toFile(), true)) {
      KillModel model = KillModel.read(c);
      KillOpRunner runner = new KillOpRunner(c);
      System.out.println("ready");
      while (true) {
        KillOp op = generator.next(model, txn++);
        out.write(("OP " + op + "\n").getBytes(StandardCharsets.US_ASCII));
        runner.run(op);
        out.write(("ACK " + op.txn() + "\n").getBytes(StandardCharsets.US_ASCII));
        model.apply(op);
      }
    }
  }

  private static void warmUp(KillOpGenerator generator) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:ferrite:mem:warmup")) {
      KillSchema.create(c);
      KillModel model = KillModel.initial();
      KillOpRunner runner = new KillOpRunner(c);
      for (long txn = 1; txn <= WARM_UP_TRANSACTIONS; txn++) {
        KillOp op = generator.next(model, txn);
        runner.run(op);
        model.apply(op);
      }
    }
  }
}
