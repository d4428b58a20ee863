package dev.ferrite.engine.catalog;

import java.util.List;

/**
 * One statement of a trigger body, or its WHEN condition as a one-row query, ready to prepare
 * like any statement: {@code sql} has each {@code NEW.column} / {@code OLD.column} of the
 * original replaced by a typed parameter marker, and {@code references} says, in parameter
 * order, which value each marker takes. The text is the plan cache's key, so a trigger firing for
 * many rows is planned once.
 */
public record TriggerStatement(String sql, List<RowReference> references) {

  /** Copies the list. */
  public TriggerStatement {
    references = List.copyOf(references);
  }

  /** A value of the row being changed: {@code NEW.column} ({@code newRow}) or {@code OLD.column}. */
  public record RowReference(boolean newRow, String column) {
  }
}
