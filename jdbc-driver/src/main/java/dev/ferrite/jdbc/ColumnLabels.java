package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column label to 1-based index, case-insensitively, the first column winning when labels
 * repeat (as JDBC's findColumn requires). The exact-case map answers the common case (the
 * caller spells the label as the query did) without allocating an upper-cased copy.
 */
final class ColumnLabels {
  private final Map<String, Integer> exact = new HashMap<>();
  private final Map<String, Integer> upper = new HashMap<>();

  ColumnLabels(List<ColumnMetadata> columns) {
    for (int i = 0; i < columns.size(); i++) {
      String label = columns.get(i).label();
      exact.putIfAbsent(label, i + 1);
      upper.putIfAbsent(label.toUpperCase(Locale.ROOT), i + 1);
    }
  }

  /** The 1-based index, or 0 when no column has that label. */
  int find(String label) {
    Integer i = exact.get(label);
    if (i == null) {
      i = upper.get(label.toUpperCase(Locale.ROOT));
    }
    return i == null ? 0 : i;
  }
}
