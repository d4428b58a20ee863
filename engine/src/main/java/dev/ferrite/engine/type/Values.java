package dev.ferrite.engine.type;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Conversions between value classes (casts and parameter coercion) and the SQL ordering of
 * values. Every value is one of the classes listed in {@link SqlType}, or null.
 */
public final class Values {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);

  private Values() {
  }

  /**
   * Converts {@code value} to type {@code target} as SQL CAST does: numbers are rounded or
   * range-checked, strings parsed (22018 when they do not parse), lengths checked (22001).
   */
  public static Object cast(Object value, ColumnType target) {
    if (value == null) {
      return null;
    }
    switch (target.type()) {
      case BOOLEAN:
        return toBoolean(value);
      case TINYINT:
        return checkRange(toLong(value), -128, 127, target);
      case SMALLINT:
        return checkRange(toLong(value), -32768, 32767, target);
      case INTEGER:
        return checkRange(toLong(value), Integer.MIN_VALUE, Integer.MAX_VALUE, target);
      case BIGINT:
        return toLong(value);
      case DECIMAL:
        return toDecimal(value, target);
      case REAL:
        return (double) (float) toDouble(value);
      case DOUBLE:
        return toDouble(value);
      case CHAR:
      case VARCHAR:
      case CLOB:
        return checkLength(toStringValue(value), target);
      case BINARY:
      case VARBINARY:
      case BLOB:
        return checkLength(toBytes(value), target);
      case DATE:
        return toDate(value);
      case TIME:
        return toTime(value);
      case TIMESTAMP:
        return toTimestamp(value);
      case NULL:
        return null;
      default:
        throw new IllegalStateException(target.toString());
    }
  }

  /**
   * Converts a value supplied by a caller (a JDBC parameter, a CSV field) to the engine's
   * value class for {@code target}, accepting the usual Java classes.
   */
  public static Object coerce(Object value, ColumnType target) {
    if (value == null) {
      return null;
    }
    if (value instanceof java.sql.Timestamp) {
      value = ((java.sql.Timestamp) value).toLocalDateTime();
    } else if (value instanceof java.sql.Date) {
      value = ((java.sql.Date) value).toLocalDate();
    } else if (value instanceof java.sql.Time) {
      value = ((java.sql.Time) value).toLocalTime();
    } else if (value instanceof java.util.Date) {
      value = new java.sql.Timestamp(((java.util.Date) value).getTime()).toLocalDateTime();
    } else if (value instanceof Character) {
      value = value.toString();
    } else if (value instanceof Float) {
      value = Double.valueOf(value.toString());
    } else if (value instanceof Integer || value instanceof Short || value instanceof Byte) {
      value = ((Number) value).longValue();
    } else if (value instanceof BigInteger) {
      value = new BigDecimal((BigInteger) value);
    }
    if (target.type() == SqlType.NULL) {
      return value;
    }
    return cast(value, target);
  }

  private static long checkRange(long v, long min, long max, ColumnType target) {
    if (v < min || v > max) {
      throw new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE,
          "value " + v + " out of range for " + target.sqlName());
    }
    return v;
  }

  private static String checkLength(String s, ColumnType target) {
    if (target.precision() > 0 && s.codePointCount(0, s.length()) > target.precision()) {
      // Trailing spaces may be cut, as the standard allows for CHAR/VARCHAR.
      String trimmed = stripTrailingSpaces(s);
      if (trimmed.codePointCount(0, trimmed.length()) <= target.precision()) {
        return trimmed.substring(0, trimmed.offsetByCodePoints(0, Math.min(target.precision(),
            trimmed.codePointCount(0, trimmed.length()))));
      }
      throw new EngineException(SqlStates.STRING_TRUNCATION, "value too long for type "
          + target.sqlName() + ": '" + abbreviate(s) + "'");
    }
    return s;
  }

  private static byte[] checkLength(byte[] b, ColumnType target) {
    if (target.precision() > 0 && b.length > target.precision()) {
      throw new EngineException(SqlStates.STRING_TRUNCATION,
          "value of " + b.length + " bytes too long for type " + target.sqlName());
    }
    return b;
  }

  private static String stripTrailingSpaces(String s) {
    int end = s.length();
    while (end > 0 && s.charAt(end - 1) == ' ') {
      end--;
    }
    return s.substring(0, end);
  }

  private static String abbreviate(String s) {
    return s.length() <= 40 ? s : s.substring(0, 37) + "...";
  }

  /** The value as a boolean (numbers: non-zero is true; strings TRUE/FALSE/1/0). */
  public static Boolean toBoolean(Object v) {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue() != 0;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      if (s.equalsIgnoreCase("true") || s.equals("1")) {
        return true;
      }
      if (s.equalsIgnoreCase("false") || s.equals("0")) {
        return false;
      }
    }
    throw badCast(v, "BOOLEAN");
  }

  /** The value as a long; decimals and doubles are rounded half away from zero, as CAST does. */
  public static long toLong(Object v) {
    if (v instanceof Long) {
      return (Long) v;
    }
    if (v instanceof BigDecimal) {
      BigDecimal d = ((BigDecimal) v).setScale(0, RoundingMode.HALF_UP);
      if (d.compareTo(LONG_MIN) < 0 || d.compareTo(LONG_MAX) > 0) {
        throw new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE, "value " + v + " out of range for BIGINT");
      }
      return d.longValueExact();
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (Double.isNaN(d) || d < -9.223372036854776E18 || d >= 9.223372036854776E18) {
        throw new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE, "value " + d + " out of range for BIGINT");
      }
      return Math.round(d);
    }
    if (v instanceof Number) {
      return ((Number) v).longValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        try {
          return toLong(new BigDecimal(s));
        } catch (NumberFormatException e2) {
          throw badCast(v, "BIGINT");
        }
      }
    }
    throw badCast(v, "BIGINT");
  }

  /** The value as a double. */
  public static double toDouble(Object v) {
    if (v instanceof Double) {
      return (Double) v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    if (v instanceof String) {
      try {
        return Double.parseDouble(((String) v).trim());
      } catch (NumberFormatException e) {
        throw badCast(v, "DOUBLE");
      }
    }
    throw badCast(v, "DOUBLE");
  }

  /** The value as a BigDecimal (no scale change). */
  public static BigDecimal toBigDecimal(Object v) {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long) {
      return BigDecimal.valueOf((Long) v);
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE, "value " + d + " is not a DECIMAL");
      }
      return BigDecimal.valueOf(d);
    }
    if (v instanceof Number) {
      return new BigDecimal(v.toString());
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    if (v instanceof String) {
      try {
        return new BigDecimal(((String) v).trim());
      } catch (NumberFormatException e) {
        throw badCast(v, "DECIMAL");
      }
    }
    throw badCast(v, "DECIMAL");
  }

  private static BigDecimal toDecimal(Object v, ColumnType target) {
    BigDecimal d = toBigDecimal(v);
    if (target.precision() > 0) {
      d = d.setScale(target.scale(), RoundingMode.HALF_UP);
      if (d.precision() - d.scale() > target.precision() - target.scale()) {
        throw new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE,
            "value " + v + " out of range for " + target.sqlName());
      }
    }
    return d;
  }

  /** The value as a string, formatted as SQL prints it. */
  public static String toStringValue(Object v) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Double) {
      return formatDouble((Double) v);
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof byte[]) {
      return hex((byte[]) v);
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? "TRUE" : "FALSE";
    }
    return v.toString();
  }

  /** Doubles print without a trailing ".0" when integral and small, as most databases do. */
  public static String formatDouble(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15 && !(d == 0 && 1 / d < 0)) {
      return Long.toString((long) d) + ".0";
    }
    return Double.toString(d);
  }

  /** Lower-case hexadecimal. */
  public static String hex(byte[] b) {
    StringBuilder sb = new StringBuilder(b.length * 2);
    for (byte x : b) {
      sb.append(Character.forDigit((x >> 4) & 15, 16)).append(Character.forDigit(x & 15, 16));
    }
    return sb.toString();
  }

  private static byte[] toBytes(Object v) {
    if (v instanceof byte[]) {
      return (byte[]) v;
    }
    if (v instanceof String) {
      return ((String) v).getBytes(StandardCharsets.UTF_8);
    }
    throw badCast(v, "VARBINARY");
  }

  private static LocalDate toDate(Object v) {
    if (v instanceof LocalDate) {
      return (LocalDate) v;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalDate();
    }
    if (v instanceof String) {
      try {
        return LocalDate.parse(((String) v).trim());
      } catch (DateTimeParseException e) {
        throw badCast(v, "DATE");
      }
    }
    throw badCast(v, "DATE");
  }

  private static LocalTime toTime(Object v) {
    if (v instanceof LocalTime) {
      return (LocalTime) v;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalTime();
    }
    if (v instanceof String) {
      try {
        return LocalTime.parse(((String) v).trim());
      } catch (DateTimeParseException e) {
        throw badCast(v, "TIME");
      }
    }
    throw badCast(v, "TIME");
  }

  private static LocalDateTime toTimestamp(Object v) {
    if (v instanceof LocalDateTime) {
      return (LocalDateTime) v;
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay();
    }
    if (v instanceof String) {
      String s = ((String) v).trim().replace(' ', 'T');
      try {
        return s.length() == 10 ? LocalDate.parse(s).atStartOfDay() : LocalDateTime.parse(s);
      } catch (DateTimeParseException e) {
        throw badCast(v, "TIMESTAMP");
      }
    }
    throw badCast(v, "TIMESTAMP");
  }

  private static EngineException badCast(Object v, String type) {
    String shown = v instanceof String ? "'" + abbreviate((String) v) + "'" : String.valueOf(v);
    return new EngineException(SqlStates.INVALID_CAST, "cannot convert " + shown + " to " + type);
  }

  /**
   * SQL ordering of two non-null values. Numbers of different classes compare by value;
   * strings by code point; byte arrays unsigned lexicographically.
   */
  @SuppressWarnings({"unchecked", "rawtypes"})
  public static int compare(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      return Long.compare((Long) a, (Long) b);
    }
    if (a instanceof Number && b instanceof Number) {
      if (a instanceof Double || b instanceof Double) {
        double x = ((Number) a).doubleValue();
        double y = ((Number) b).doubleValue();
        // SQL (and IEEE) equality: -0.0 equals 0.0, which Double.compare would order apart.
        return x < y ? -1 : x > y ? 1 : Double.compare(x == 0 ? 0.0 : x, y == 0 ? 0.0 : y);
      }
      return toBigDecimal(a).compareTo(toBigDecimal(b));
    }
    if (a instanceof String && b instanceof String) {
      return compareStrings((String) a, (String) b);
    }
    if (a instanceof byte[] && b instanceof byte[]) {
      return Arrays.compareUnsigned((byte[]) a, (byte[]) b);
    }
    if (a.getClass() == b.getClass() && a instanceof Comparable) {
      return ((Comparable) a).compareTo(b);
    }
    if (a instanceof Number && b instanceof String) {
      return compare(a, toBigDecimal(b));
    }
    if (a instanceof String && b instanceof Number) {
      return compare(toBigDecimal(a), b);
    }
    if (a instanceof LocalDateTime && b instanceof LocalDate) {
      return ((LocalDateTime) a).compareTo(((LocalDate) b).atStartOfDay());
    }
    if (a instanceof LocalDate && b instanceof LocalDateTime) {
      return ((LocalDate) a).atStartOfDay().compareTo((LocalDateTime) b);
    }
    if (a instanceof Boolean && b instanceof Boolean) {
      return Boolean.compare((Boolean) a, (Boolean) b);
    }
    throw new EngineException(SqlStates.INVALID_CAST, "cannot compare " + a.getClass().getSimpleName()
        + " with " + b.getClass().getSimpleName());
  }

  /** Code-point order, which is also the order of the UTF-8 key encoding. */
  public static int compareStrings(String a, String b) {
    int n = Math.min(a.length(), b.length());
    for (int i = 0; i < n; i++) {
      char x = a.charAt(i);
      char y = b.charAt(i);
      if (x != y) {
        if (Character.isSurrogate(x) || Character.isSurrogate(y)) {
          return Integer.compare(a.codePointAt(i), b.codePointAt(i));
        }
        return x - y;
      }
    }
    return a.length() - b.length();
  }

  /** SQL equality of non-null values (numbers by value), consistent with {@link #hash}. */
  public static boolean equal(Object a, Object b) {
    if (a instanceof Long && b instanceof Long) {
      return ((Long) a).longValue() == ((Long) b).longValue();
    }
    if (a instanceof String && b instanceof String) {
      return a.equals(b);
    }
    return compare(a, b) == 0;
  }

  /** A hash consistent with {@link #equal}: numbers equal in value hash alike. */
  public static int hash(Object v) {
    if (v == null) {
      return 0;
    }
    if (v instanceof Long) {
      return Long.hashCode((Long) v);
    }
    if (v instanceof Double) {
      double d = (Double) v;
      if (d == Math.rint(d) && Math.abs(d) < 9e18) {
        return Long.hashCode((long) d);
      }
      return Double.hashCode(d);
    }
    if (v instanceof BigDecimal) {
      BigDecimal d = ((BigDecimal) v).stripTrailingZeros();
      if (d.scale() <= 0 && d.compareTo(LONG_MIN) >= 0 && d.compareTo(LONG_MAX) <= 0) {
        return Long.hashCode(d.longValue());
      }
      return Double.hashCode(d.doubleValue());
    }
    if (v instanceof byte[]) {
      return Arrays.hashCode((byte[]) v);
    }
    return v.hashCode();
  }
}
