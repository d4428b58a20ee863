package dev.ferrite.engine.catalog;

import java.util.List;

/**
 * A row trigger (SQLite's CREATE TRIGGER): on {@code event} on {@code table} it runs
 * {@code actions} for each changed row, {@code timing} the change, when {@code when} (null: always)
 * is true. {@code id} orders the triggers of one event by creation, the order they fire in.
 * {@code sql} is the CREATE TRIGGER statement as written; the statements are derived from it at
 * creation (see {@link TriggerStatement}) so firing never parses the trigger again.
 *
 * @param updateColumns for UPDATE triggers, the columns of {@code UPDATE OF}; empty: any UPDATE
 */
public record TriggerDef(long id, String name, String table, Timing timing, Event event,
    List<String> updateColumns, TriggerStatement when, List<TriggerStatement> actions, String sql) {

  /** When a trigger runs relative to its row change. */
  public enum Timing { BEFORE, AFTER }

  /** The row change that fires a trigger. */
  public enum Event { INSERT, UPDATE, DELETE }

  /** Copies the lists. */
  public TriggerDef {
    updateColumns = List.copyOf(updateColumns);
    actions = List.copyOf(actions);
  }

  /**
   * Whether an UPDATE that assigns the columns at {@code assigned} (positions in {@code t}) fires
   * this trigger: SQLite's rule for UPDATE OF is that one of the listed columns is assigned,
   * whether or not its value changes.
   */
  public boolean firesOnUpdateOf(TableDef t, int[] assigned) {
    if (updateColumns.isEmpty()) {
      return true;
    }
    for (int position : assigned) {
      if (updateColumns.contains(t.columns().get(position).name())) {
        return true;
      }
    }
    return false;
  }
}
