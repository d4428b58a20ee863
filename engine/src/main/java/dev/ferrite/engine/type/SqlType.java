package dev.ferrite.engine.type;

import java.sql.Types;

/**
 * The SQL types Ferrite stores, each with its JDBC type code and the Java class that holds its
 * values inside the engine: integers of every width are {@link Long}, REAL and DOUBLE are
 * {@link Double}, DECIMAL is {@link java.math.BigDecimal}, character types are {@link String},
 * binary types are {@code byte[]}, and DATE/TIME/TIMESTAMP are {@code java.time.LocalDate},
 * {@code LocalTime}, {@code LocalDateTime}.
 */
public enum SqlType {
  BOOLEAN(Types.BOOLEAN, Boolean.class),
  TINYINT(Types.TINYINT, Long.class),
  SMALLINT(Types.SMALLINT, Long.class),
  INTEGER(Types.INTEGER, Long.class),
  BIGINT(Types.BIGINT, Long.class),
  DECIMAL(Types.DECIMAL, java.math.BigDecimal.class),
  REAL(Types.REAL, Double.class),
  DOUBLE(Types.DOUBLE, Double.class),
  CHAR(Types.CHAR, String.class),
  VARCHAR(Types.VARCHAR, String.class),
  CLOB(Types.CLOB, String.class),
  BINARY(Types.BINARY, byte[].class),
  VARBINARY(Types.VARBINARY, byte[].class),
  BLOB(Types.BLOB, byte[].class),
  DATE(Types.DATE, java.time.LocalDate.class),
  TIME(Types.TIME, java.time.LocalTime.class),
  TIMESTAMP(Types.TIMESTAMP, java.time.LocalDateTime.class),
  /** The type of an untyped NULL. */
  NULL(Types.NULL, Object.class);

  /** Largest DECIMAL precision (and scale) the engine accepts. */
  public static final int MAX_DECIMAL_PRECISION = 38;

  private final int jdbcType;
  private final Class<?> valueClass;

  SqlType(int jdbcType, Class<?> valueClass) {
    this.jdbcType = jdbcType;
    this.valueClass = valueClass;
  }

  /** The {@link java.sql.Types} code. */
  public int jdbcType() {
    return jdbcType;
  }

  /** The class of this type's values inside the engine. */
  public Class<?> valueClass() {
    return valueClass;
  }

  /** Whether values are {@link Long}. */
  public boolean isInteger() {
    return valueClass == Long.class;
  }

  /** Whether this is a numeric type. */
  public boolean isNumeric() {
    return isInteger() || this == DECIMAL || this == REAL || this == DOUBLE;
  }

  /** Whether values are strings. */
  public boolean isCharacter() {
    return valueClass == String.class;
  }

  /** Whether values are byte arrays. */
  public boolean isBinary() {
    return valueClass == byte[].class;
  }
}
