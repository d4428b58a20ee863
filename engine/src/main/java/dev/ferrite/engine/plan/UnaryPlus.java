package dev.ferrite.engine.plan;

import java.util.List;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;

/**
 * Removes unary plus from a parse tree, in place. {@code +x} is the value of {@code x}, whatever
 * its type (SQLite, H2 and the sqllogictest suite agree); Calcite instead types the operand as
 * a number and casts strings to DECIMAL, which fails at run time.
 */
final class UnaryPlus {
  private UnaryPlus() {
  }

  static void strip(SqlNode node) {
    if (node instanceof SqlNodeList) {
      SqlNodeList list = (SqlNodeList) node;
      for (int i = 0; i < list.size(); i++) {
        SqlNode e = list.get(i);
        if (e != null && e.getKind() == SqlKind.PLUS_PREFIX) {
          e = unwrap(e);
          list.set(i, e);
        }
        strip(e);
      }
      return;
    }
    if (!(node instanceof SqlCall)) {
      return;
    }
    SqlCall call = (SqlCall) node;
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode op = operands.get(i);
      if (op != null && op.getKind() == SqlKind.PLUS_PREFIX) {
        op = unwrap(op);
        call.setOperand(i, op);
      }
      strip(op);
    }
  }

  private static SqlNode unwrap(SqlNode n) {
    while (n.getKind() == SqlKind.PLUS_PREFIX) {
      n = ((SqlCall) n).operand(0);
    }
    return n;
  }
}
