package dev.ferrite.engine.exec;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.txn.EngineTransaction;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * Everything one execution needs: the transaction to read and write through, parameter values,
 * the cancel flag and deadline, the values of correlation variables, and what runs row triggers.
 */
public final class ExecContext {
  private final EngineTransaction txn;
  private final Object[] params;
  private final AtomicBoolean cancelled;
  private final long deadlineNanos;
  private final RowTriggers triggers;
  private Object[][] correlations = new Object[8][];
  private Map<PlanNode, Object> memo;
  private int ticks;

  /** Creates a context; {@code deadlineNanos} is a {@link System#nanoTime} value or 0. */
  public ExecContext(EngineTransaction txn, Object[] params, AtomicBoolean cancelled, long deadlineNanos) {
    this(txn, params, cancelled, deadlineNanos, RowTriggers.NONE);
  }

  /** Creates a context whose row changes fire triggers through {@code triggers}. */
  public ExecContext(EngineTransaction txn, Object[] params, AtomicBoolean cancelled, long deadlineNanos,
      RowTriggers triggers) {
    this.txn = txn;
    this.params = params;
    this.cancelled = cancelled;
    this.deadlineNanos = deadlineNanos;
    this.triggers = triggers;
  }

  /** Runs row triggers for the changes of this execution. */
  public RowTriggers triggers() {
    return triggers;
  }

  /** The cancel flag this execution watches (shared with nested executions, such as triggers). */
  public AtomicBoolean cancelFlag() {
    return cancelled;
  }

  /** The deadline as a {@link System#nanoTime} value, or 0 for none. */
  public long deadlineNanos() {
    return deadlineNanos;
  }

  public EngineTransaction txn() {
    return txn;
  }

  public Object param(int i) {
    return params[i];
  }

  /** Values of correlation variable {@code id} (the current outer row). */
  public Object[] correlation(int id) {
    return correlations[id];
  }

  public void setCorrelation(int id, Object[] row) {
    if (id >= correlations.length) {
      correlations = java.util.Arrays.copyOf(correlations, Math.max(id + 1, correlations.length * 2));
    }
    correlations[id] = row;
  }

  /**
   * What {@code owner} built for this execution (a hash table over a snapshot), building it on
   * first use. Plans are shared, so such state cannot live in the node.
   */
  @SuppressWarnings("unchecked")
  public <T> T memo(PlanNode owner, Supplier<T> build) {
    if (memo == null) {
      memo = new IdentityHashMap<>();
    }
    Object value = memo.get(owner);
    if (value == null) {
      value = build.get();
      memo.put(owner, value);
    }
    return (T) value;
  }

  /** Throws 57014 if the statement was cancelled or timed out; cheap enough to call per row. */
  public void checkCancelled() {
    if ((++ticks & 1023) != 0) {
      return;
    }
    if (cancelled.get()) {
      throw new EngineException(SqlStates.QUERY_CANCELED, "statement cancelled");
    }
    if (deadlineNanos != 0 && System.nanoTime() - deadlineNanos > 0) {
      throw new EngineException(SqlStates.QUERY_CANCELED, "statement timed out");
    }
    if (Thread.currentThread().isInterrupted()) {
      throw new EngineException(SqlStates.QUERY_CANCELED, "statement interrupted");
    }
  }
}
