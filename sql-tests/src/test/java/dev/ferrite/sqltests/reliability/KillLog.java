package dev.ferrite.sqltests.reliability;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What one killed child logged: the transactions whose commit it saw acknowledged, in order, and
 * the one it was running when it died (whose commit may or may not have happened).
 *
 * @param acknowledged transactions followed by their {@code ACK} line
 * @param inFlight the last transaction, if it has no {@code ACK}; otherwise null
 */
record KillLog(List<KillOp> acknowledged, KillOp inFlight) {

  /** Reads a child's log; an unterminated last line is a write the kill cut short and is ignored. */
  static KillLog read(Path file) throws IOException {
    String text = Files.exists(file) ? Files.readString(file, StandardCharsets.US_ASCII) : "";
    List<KillOp> acknowledged = new ArrayList<>();
    KillOp open = null;
    for (String line : text.substring(0, text.lastIndexOf('\n') + 1).split("\n")) {
      if (line.startsWith("OP ")) {
        if (open != null) {
          throw new AssertionError("the child started " + line + " before " + open + " ended");
        }
        open = KillOp.parse(line.substring(3));
      } else if (line.startsWith("ACK ")) {
        if (open == null || open.txn() != Long.parseLong(line.substring(4))) {
          throw new AssertionError("acknowledgement " + line + " of a transaction not running: " + open);
        }
        acknowledged.add(open);
        open = null;
      } else if (!line.isEmpty()) {
        throw new AssertionError("unexpected log line " + line);
      }
    }
    return new KillLog(acknowledged, open);
  }

  /** The number of the last transaction the child started, or {@code before} if it started none. */
  long lastTxn(long before) {
    if (inFlight != null) {
      return inFlight.txn();
    }
    return acknowledged.isEmpty() ? before : acknowledged.get(acknowledged.size() - 1).txn();
  }
}
