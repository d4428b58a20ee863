package dev.ferrite.engine.session;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.catalog.TriggerStatement;
import dev.ferrite.engine.exec.ExecContext;
import dev.ferrite.engine.exec.RowSource;
import dev.ferrite.engine.exec.RowTriggers;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.type.Values;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

/**
 * Runs row triggers for one statement and everything it fires, inside the statement's
 * transaction: each trigger statement is prepared through the plan cache (its text is the key,
 * so a trigger firing for many rows is planned once) and run with the changed row's values as
 * its parameters. A failure propagates, so the session undoes the whole statement, the
 * triggers' changes included.
 *
 * <p>Recursion follows SQLite's default ({@code recursive_triggers} off): a trigger that is
 * already running does not fire again, whether its own statements or those of a trigger it fired
 * change its table. Chains of distinct triggers are therefore bounded by the number of triggers.
 */
public final class TriggerFiring implements RowTriggers {
  private final TemplateCache plans;
  private final EngineTransaction txn;
  private final int maxKeyLength;
  private final ToLongFunction<String> rowCounts;
  private final AtomicBoolean cancelled;
  private final long deadlineNanos;
  /** Names of the triggers running now (the trigger stack). */
  private final Set<String> running = new HashSet<>();

  /**
   * Creates the trigger runner of one statement.
   *
   * @param rowCounts row counts of trees, for planning a trigger statement the cache lacks
   * @param cancelled the statement's cancel flag, which trigger statements watch too
   * @param deadlineNanos the statement's deadline ({@link System#nanoTime}), or 0
   */
  public TriggerFiring(TemplateCache plans, EngineTransaction txn, int maxKeyLength, ToLongFunction<String> rowCounts,
      AtomicBoolean cancelled, long deadlineNanos) {
    this.plans = plans;
    this.txn = txn;
    this.maxKeyLength = maxKeyLength;
    this.rowCounts = rowCounts;
    this.cancelled = cancelled;
    this.deadlineNanos = deadlineNanos;
  }

  @Override public void fire(TableDef table, TriggerDef.Event event, TriggerDef.Timing timing, Object[] oldRow,
      Object[] newRow, int[] assigned) {
    List<TriggerDef> triggers = txn.catalog().triggersOn(table.name());
    for (TriggerDef t : triggers) {
      if (t.event() != event || t.timing() != timing || running.contains(t.name())
          || event == TriggerDef.Event.UPDATE && !t.firesOnUpdateOf(table, assigned)) {
        continue;
      }
      running.add(t.name());
      try {
        if (t.when() == null || isTrue(t.when(), table, oldRow, newRow)) {
          for (TriggerStatement s : t.actions()) {
            run(s, table, oldRow, newRow);
          }
        }
      } catch (EngineException e) {
        // The SQLSTATE stays the cause's; the message names the trigger (each level of a chain).
        throw new EngineException(e.sqlState(), "trigger " + t.name() + ": " + e.getMessage(), e);
      } finally {
        running.remove(t.name());
      }
    }
  }

  private boolean isTrue(TriggerStatement when, TableDef table, Object[] oldRow, Object[] newRow) {
    Object[] row = query(when, table, oldRow, newRow, true);
    return row != null && row[0] instanceof Number && ((Number) row[0]).intValue() == 1;
  }

  private void run(TriggerStatement s, TableDef table, Object[] oldRow, Object[] newRow) {
    query(s, table, oldRow, newRow, false);
  }

  /**
   * Runs {@code s}; for a query, returns its first row when {@code firstRowOnly}, else reads it
   * to the end (a SELECT in a trigger body runs for its errors only, as in SQLite).
   */
  private Object[] query(TriggerStatement s, TableDef table, Object[] oldRow, Object[] newRow, boolean firstRowOnly) {
    Prepared prepared = plans.prepare(s.sql(), txn.catalog(), maxKeyLength, rowCounts);
    Plan plan;
    Object[] args;
    if (prepared instanceof TemplateCache.Bound) {
      plan = ((TemplateCache.Bound) prepared).plan;
      args = ((TemplateCache.Bound) prepared).arguments;
    } else {
      plan = (Plan) prepared;
      args = rowValues(s, table, oldRow, newRow);
    }
    ExecContext ctx = new ExecContext(txn, bind(plan, args), cancelled, deadlineNanos, this);
    if (plan.kind == StatementKind.DML) {
      plan.modify.run(ctx, null);
      return null;
    }
    RowSource rows = plan.root.open(ctx);
    try {
      Object[] first = rows.next();
      if (!firstRowOnly) {
        for (Object[] r = first; r != null; r = rows.next()) {
          ctx.checkCancelled();
        }
      }
      return first;
    } finally {
      rows.close();
    }
  }

  private static Object[] rowValues(TriggerStatement s, TableDef table, Object[] oldRow, Object[] newRow) {
    List<TriggerStatement.RowReference> refs = s.references();
    Object[] values = new Object[refs.size()];
    for (int i = 0; i < values.length; i++) {
      TriggerStatement.RowReference ref = refs.get(i);
      int column = table.columnIndex(ref.column());
      if (column < 0) {
        throw new EngineException(SqlStates.UNDEFINED_COLUMN, "column " + ref.column() + " not found in table "
            + table.name());
      }
      values[i] = (ref.newRow() ? newRow : oldRow)[column];
    }
    return values;
  }

  private static Object[] bind(Plan plan, Object[] args) {
    int n = plan.parameters.size();
    if (args.length != n) {
      throw new EngineException(SqlStates.INTERNAL_ERROR, "trigger statement has " + n + " parameters, "
          + args.length + " values: " + plan.sql);
    }
    Object[] bound = new Object[n];
    for (int i = 0; i < n; i++) {
      bound[i] = Values.coerce(args[i], plan.parameters.get(i).type());
    }
    return bound;
  }
}
