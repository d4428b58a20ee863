package dev.ferrite.engine.plan;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlUpdate;

/**
 * SQLite's rule for an UPDATE that assigns one column more than once ({@code SET x = 1, x = 2}):
 * all but the rightmost assignment are ignored. Calcite's validator rejects such a statement
 * (as standard SQL does), so the overridden assignments are removed from the parse tree first,
 * in place. The dropped expressions are never evaluated, as in SQLite.
 */
final class RepeatedAssignments {
  private RepeatedAssignments() {
  }

  static void dropOverridden(SqlUpdate update) {
    SqlNodeList targets = update.getTargetColumnList();
    SqlNodeList sources = update.getSourceExpressionList();
    Set<String> later = new HashSet<>();
    for (int i = targets.size() - 1; i >= 0; i--) {
      if (!later.add(column((SqlIdentifier) targets.get(i)))) {
        targets.remove(i);
        sources.remove(i);
      }
    }
  }

  /**
   * The column an assignment target names ({@code t.x} and {@code x} name the same one), in
   * upper case because the validator matches names without regard to case.
   */
  private static String column(SqlIdentifier target) {
    return target.names.get(target.names.size() - 1).toUpperCase(Locale.ROOT);
  }
}
