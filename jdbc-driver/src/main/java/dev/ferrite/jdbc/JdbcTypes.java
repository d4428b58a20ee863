package dev.ferrite.jdbc;

import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;

/**
 * What JDBC metadata reports for a Ferrite type: precision (JDBC "column size"), scale, radix,
 * class name, signedness. Shared by ResultSetMetaData, ParameterMetaData and DatabaseMetaData
 * so the three always agree.
 */
final class JdbcTypes {
  private JdbcTypes() {
  }

  /**
   * Column size as JDBC defines it: digits for numbers (binary digits are not used: REAL 7 and
   * DOUBLE 15 decimal digits), characters for strings (Integer.MAX_VALUE when unbounded), bytes
   * for binary, characters of the string form for dates and times.
   */
  static int precision(ColumnType t) {
    switch (t.type()) {
      case BOOLEAN: return 1;
      case TINYINT: return 3;
      case SMALLINT: return 5;
      case INTEGER: return 10;
      case BIGINT: return 19;
      case REAL: return 7;
      case DOUBLE: return 15;
      case DECIMAL: return t.precision() > 0 ? t.precision() : maxDecimalPrecision();
      case DATE:
      case TIME:
      case TIMESTAMP:
        return t.displaySize();
      case NULL: return 0;
      default: return t.precision() > 0 ? t.precision() : Integer.MAX_VALUE;
    }
  }

  /** The widest DECIMAL the engine's type system allows (EngineTypeSystem); also what an undeclared precision reports. */
  static int maxDecimalPrecision() {
    return 38;
  }

  /** Digits after the point: DECIMAL's scale, 0 for integers, fractional seconds for TIMESTAMP. */
  static int scale(ColumnType t) {
    switch (t.type()) {
      case DECIMAL: return t.scale();
      case TIMESTAMP: return Math.max(0, t.displaySize() - 20);
      default: return 0;
    }
  }

  /** NUM_PREC_RADIX: 10 for numbers, null (0 here) otherwise. */
  static int radix(SqlType t) {
    return t.isNumeric() ? 10 : 0;
  }

  static boolean isSigned(SqlType t) {
    return t.isNumeric();
  }

  static boolean isCaseSensitive(SqlType t) {
    return t.isCharacter();
  }

  /** The class {@code getObject} returns for the type (see {@link Values#toJdbcObject}). */
  static String className(SqlType t) {
    switch (t) {
      case BOOLEAN: return Boolean.class.getName();
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        return Integer.class.getName();
      case BIGINT: return Long.class.getName();
      case REAL: return Float.class.getName();
      case DOUBLE: return Double.class.getName();
      case DECIMAL: return java.math.BigDecimal.class.getName();
      case CHAR:
      case VARCHAR:
      case CLOB:
        return String.class.getName();
      case BINARY:
      case VARBINARY:
      case BLOB:
        return byte[].class.getName();
      case DATE: return java.sql.Date.class.getName();
      case TIME: return java.sql.Time.class.getName();
      case TIMESTAMP: return java.sql.Timestamp.class.getName();
      default: return Object.class.getName();
    }
  }

  /** Type name as DatabaseMetaData.getTypeInfo lists it (no precision). */
  static String typeName(SqlType t) {
    return t.name();
  }

  /** Maximum bytes of a character or binary value (UTF-8 may take 4 bytes a character). */
  static int octetLength(ColumnType t) {
    if (t.type().isBinary()) {
      return precision(t);
    }
    if (t.type().isCharacter()) {
      long p = precision(t);
      return (int) Math.min(Integer.MAX_VALUE, p * 4);
    }
    return 0;
  }
}
