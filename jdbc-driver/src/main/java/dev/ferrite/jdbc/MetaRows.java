package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import java.util.ArrayList;
import java.util.List;

/**
 * Building blocks of DatabaseMetaData results: column layouts written as (name, type) pairs and
 * rows whose values are normalised to the engine's value classes (any integer becomes a Long),
 * so metadata results convert in the getters exactly like query results.
 */
final class MetaRows {
  static final SqlType TEXT = SqlType.VARCHAR;
  static final SqlType INT = SqlType.INTEGER;
  static final SqlType SHORT = SqlType.SMALLINT;
  static final SqlType LONG = SqlType.BIGINT;
  static final SqlType BOOL = SqlType.BOOLEAN;

  private MetaRows() {
  }

  /** Columns from alternating names and {@link SqlType}s. */
  static List<ColumnMetadata> columns(Object... nameTypePairs) {
    List<ColumnMetadata> cols = new ArrayList<>(nameTypePairs.length / 2);
    for (int i = 0; i < nameTypePairs.length; i += 2) {
      String name = (String) nameTypePairs[i];
      SqlType type = (SqlType) nameTypePairs[i + 1];
      cols.add(new ColumnMetadata(name, name, "", "", ColumnType.of(type), true, false));
    }
    return List.copyOf(cols);
  }

  /** One row; Integer, Short and Byte values become Long. */
  static Object[] row(Object... values) {
    for (int i = 0; i < values.length; i++) {
      Object v = values[i];
      if (v instanceof Integer || v instanceof Short || v instanceof Byte) {
        values[i] = ((Number) v).longValue();
      }
    }
    return values;
  }

  static ListResultSet result(List<ColumnMetadata> columns, List<Object[]> rows) {
    return new ListResultSet(null, columns, rows);
  }

  static ListResultSet empty(List<ColumnMetadata> columns) {
    return new ListResultSet(null, columns, List.of());
  }
}
