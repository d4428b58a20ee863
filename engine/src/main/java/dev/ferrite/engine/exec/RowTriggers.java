package dev.ferrite.engine.exec;

import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;

/**
 * Runs a table's row triggers for one row change. Operators only call it; the session implements
 * it, since running a trigger means preparing and executing statements. The rows passed are the
 * caller's: an implementation reads them during the call and keeps nothing.
 */
public interface RowTriggers {
  /** Runs no triggers (queries, and statements that cannot fire any). */
  RowTriggers NONE = (table, event, timing, oldRow, newRow, assigned) -> { };

  /**
   * Runs the triggers of {@code table} for {@code event} at {@code timing}.
   *
   * @param oldRow the row before the change (null for INSERT)
   * @param newRow the row after it (null for DELETE)
   * @param assigned for UPDATE, the positions of the columns the statement assigns
   */
  void fire(TableDef table, TriggerDef.Event event, TriggerDef.Timing timing, Object[] oldRow, Object[] newRow,
      int[] assigned);
}
