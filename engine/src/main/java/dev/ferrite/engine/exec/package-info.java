/**
 * Execution: immutable {@link dev.ferrite.engine.exec.PlanNode}s (cached in plans, shared by
 * threads) that open per-execution {@link dev.ferrite.engine.exec.RowSource} iterators over an
 * {@link dev.ferrite.engine.exec.ExecContext}. Rows are {@code Object[]} of engine values.
 */
package dev.ferrite.engine.exec;
