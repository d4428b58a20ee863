package dev.ferrite.engine.exec;

import java.util.List;

/** An immutable physical operator: opens a {@link RowSource} per execution and explains itself. */
public interface PlanNode {
  /** Starts one execution. */
  RowSource open(ExecContext ctx);

  /** One line for EXPLAIN, for example {@code IndexScan(T, index=T_X, x >= ?0)}. */
  String describe();

  /** Inputs, for EXPLAIN. */
  List<PlanNode> inputs();

  /** Number of columns in each row. */
  int width();
}
