package dev.ferrite.engine.type;

/**
 * A SQL type with its precision (maximum length for character and binary types, digits for
 * DECIMAL; 0 when unbounded or not applicable) and scale (DECIMAL only).
 */
public record ColumnType(SqlType type, int precision, int scale) {

  /** The type without precision or scale. */
  public static ColumnType of(SqlType type) {
    return new ColumnType(type, 0, 0);
  }

  /** SQL spelling, for example {@code VARCHAR(20)} or {@code DECIMAL(10,2)}. */
  public String sqlName() {
    switch (type) {
      case CHAR:
      case VARCHAR:
      case BINARY:
      case VARBINARY:
        return precision > 0 ? type.name() + "(" + precision + ")" : type.name();
      case DECIMAL:
        return precision > 0 ? "DECIMAL(" + precision + "," + scale + ")" : "DECIMAL";
      default:
        return type.name();
    }
  }

  /** Display width used by JDBC metadata and the shell. */
  public int displaySize() {
    switch (type) {
      case BOOLEAN: return 5;
      case TINYINT: return 4;
      case SMALLINT: return 6;
      case INTEGER: return 11;
      case BIGINT: return 20;
      case REAL: return 15;
      case DOUBLE: return 24;
      case DECIMAL: return precision > 0 ? precision + 2 : 40;
      case DATE: return 10;
      case TIME: return 8;
      case TIMESTAMP: return 26;
      default: return precision > 0 ? precision : Integer.MAX_VALUE;
    }
  }
}
