package dev.ferrite.jdbc;

import dev.ferrite.engine.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.Calendar;
import java.util.HexFormat;

/**
 * Conversions from the engine's value classes (Long, Double, BigDecimal, String, byte[],
 * Boolean, LocalDate, LocalTime, LocalDateTime) to what the ResultSet getters return.
 * Callers handle SQL NULL before calling; every method here gets a non-null value.
 *
 * <p>Rules: numbers convert between each other when the value fits (else 22003; fractions are
 * truncated toward zero for integer targets, as a Java cast does); strings convert to numbers
 * and dates when they parse (else 22018); anything else is 07006. Times without a zone
 * (TIMESTAMP, and java.sql.Date/Time/Timestamp without a Calendar) are in the JVM's default
 * zone, the convention of {@code Timestamp.valueOf(LocalDateTime)}.
 */
final class Values {
  private static final BigDecimal LONG_MIN = BigDecimal.valueOf(Long.MIN_VALUE);
  private static final BigDecimal LONG_MAX = BigDecimal.valueOf(Long.MAX_VALUE);
  private static final HexFormat HEX = HexFormat.of().withUpperCase();

  private Values() {
  }

  static boolean toBoolean(Object v) throws SQLException {
    if (v instanceof Boolean) {
      return (Boolean) v;
    }
    if (v instanceof Long) {
      return (Long) v != 0;
    }
    if (v instanceof Number) {
      return toBigDecimal(v).signum() != 0;
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      if (s.equalsIgnoreCase("true") || s.equals("1") || s.equalsIgnoreCase("t") || s.equalsIgnoreCase("y")
          || s.equalsIgnoreCase("yes")) {
        return true;
      }
      if (s.equalsIgnoreCase("false") || s.equals("0") || s.equalsIgnoreCase("f") || s.equalsIgnoreCase("n")
          || s.equalsIgnoreCase("no")) {
        return false;
      }
      throw SqlExceptions.badCharacterValue(s, "BOOLEAN");
    }
    throw SqlExceptions.cannotConvert(v, "boolean");
  }

  static long toLong(Object v) throws SQLException {
    if (v instanceof Long) {
      return (Long) v;
    }
    return toLongSlow(v, "BIGINT");
  }

  private static long toLongSlow(Object v, String target) throws SQLException {
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      // -2^63 is exact in double; 2^63 is the first value past Long.MAX_VALUE.
      if (Double.isNaN(d) || d < -9.223372036854775808E18 || d >= 9.223372036854775808E18) {
        throw SqlExceptions.outOfRange(v, target);
      }
      return (long) d;
    }
    if (v instanceof BigDecimal) {
      BigDecimal b = (BigDecimal) v;
      if (b.compareTo(LONG_MIN) < 0 || b.compareTo(LONG_MAX) > 0) {
        throw SqlExceptions.outOfRange(b.toPlainString(), target);
      }
      return b.longValue();
    }
    if (v instanceof Number) {
      return toLongSlow(new BigDecimal(v.toString()), target);
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return Long.parseLong(s);
      } catch (NumberFormatException e) {
        return toLongSlow(parseDecimal(s, target), target);
      }
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    throw SqlExceptions.cannotConvert(v, target);
  }

  static int toInt(Object v) throws SQLException {
    long l = v instanceof Long ? (Long) v : toLongSlow(v, "INTEGER");
    if ((int) l != l) {
      throw SqlExceptions.outOfRange(v, "INTEGER");
    }
    return (int) l;
  }

  static short toShort(Object v) throws SQLException {
    long l = v instanceof Long ? (Long) v : toLongSlow(v, "SMALLINT");
    if ((short) l != l) {
      throw SqlExceptions.outOfRange(v, "SMALLINT");
    }
    return (short) l;
  }

  static byte toByte(Object v) throws SQLException {
    long l = v instanceof Long ? (Long) v : toLongSlow(v, "TINYINT");
    if ((byte) l != l) {
      throw SqlExceptions.outOfRange(v, "TINYINT");
    }
    return (byte) l;
  }

  static double toDouble(Object v) throws SQLException {
    if (v instanceof Double) {
      return (Double) v;
    }
    if (v instanceof Number) {
      return ((Number) v).doubleValue();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return Double.parseDouble(s);
      } catch (NumberFormatException e) {
        throw SqlExceptions.badCharacterValue(s, "DOUBLE");
      }
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? 1 : 0;
    }
    throw SqlExceptions.cannotConvert(v, "double");
  }

  static float toFloat(Object v) throws SQLException {
    double d = toDouble(v);
    float f = (float) d;
    if (Float.isInfinite(f) && !Double.isInfinite(d)) {
      throw SqlExceptions.outOfRange(v, "REAL");
    }
    return f;
  }

  static BigDecimal toBigDecimal(Object v) throws SQLException {
    if (v instanceof BigDecimal) {
      return (BigDecimal) v;
    }
    if (v instanceof Long) {
      return BigDecimal.valueOf((Long) v);
    }
    if (v instanceof Double || v instanceof Float) {
      double d = ((Number) v).doubleValue();
      if (Double.isNaN(d) || Double.isInfinite(d)) {
        throw SqlExceptions.outOfRange(v, "DECIMAL");
      }
      // valueOf uses the shortest decimal that round-trips (0.1 stays 0.1).
      return v instanceof Float ? new BigDecimal(v.toString()) : BigDecimal.valueOf(d);
    }
    if (v instanceof BigInteger) {
      return new BigDecimal((BigInteger) v);
    }
    if (v instanceof Number) {
      return BigDecimal.valueOf(((Number) v).longValue());
    }
    if (v instanceof String) {
      return parseDecimal(((String) v).trim(), "DECIMAL");
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? BigDecimal.ONE : BigDecimal.ZERO;
    }
    throw SqlExceptions.cannotConvert(v, "BigDecimal");
  }

  private static BigDecimal parseDecimal(String s, String target) throws SQLException {
    try {
      return new BigDecimal(s);
    } catch (NumberFormatException e) {
      throw SqlExceptions.badCharacterValue(s, target);
    }
  }

  /** The string form: SQL-style for dates and times, plain digits for decimals, hex for binary. */
  static String toString(Object v, SqlType type) {
    if (v instanceof String) {
      return (String) v;
    }
    if (v instanceof Long || v instanceof Integer) {
      return v.toString();
    }
    if (v instanceof Double) {
      // REAL values travel as doubles; print them with float precision (0.1, not 0.10000000149).
      return type == SqlType.REAL ? Float.toString(((Double) v).floatValue()) : v.toString();
    }
    if (v instanceof BigDecimal) {
      return ((BigDecimal) v).toPlainString();
    }
    if (v instanceof Boolean) {
      return (Boolean) v ? "TRUE" : "FALSE";
    }
    if (v instanceof byte[]) {
      return HEX.formatHex((byte[]) v);
    }
    if (v instanceof LocalDate) {
      return v.toString();
    }
    if (v instanceof LocalTime) {
      return timeString((LocalTime) v);
    }
    if (v instanceof LocalDateTime) {
      LocalDateTime t = (LocalDateTime) v;
      return t.toLocalDate() + " " + timeString(t.toLocalTime());
    }
    return v.toString();
  }

  /** HH:MM:SS plus the fraction without trailing zeros (LocalTime.toString drops ":00" seconds). */
  private static String timeString(LocalTime t) {
    StringBuilder sb = new StringBuilder(18);
    two(sb, t.getHour()).append(':');
    two(sb, t.getMinute()).append(':');
    two(sb, t.getSecond());
    int nanos = t.getNano();
    if (nanos != 0) {
      String f = Integer.toString(1_000_000_000 + nanos).substring(1);
      int end = f.length();
      while (f.charAt(end - 1) == '0') {
        end--;
      }
      sb.append('.').append(f, 0, end);
    }
    return sb.toString();
  }

  private static StringBuilder two(StringBuilder sb, int n) {
    return sb.append((char) ('0' + n / 10)).append((char) ('0' + n % 10));
  }

  static byte[] toBytes(Object v) throws SQLException {
    if (v instanceof byte[]) {
      return ((byte[]) v).clone();
    }
    if (v instanceof String) {
      // Character data has no canonical byte form; UTF-8 is what every caller here expects.
      return ((String) v).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    throw SqlExceptions.cannotConvert(v, "byte[]");
  }

  static LocalDate toLocalDate(Object v) throws SQLException {
    if (v instanceof LocalDate) {
      return (LocalDate) v;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalDate();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return s.length() <= 10 ? LocalDate.parse(s) : parseDateTime(s).toLocalDate();
      } catch (DateTimeParseException e) {
        throw SqlExceptions.badCharacterValue(s, "DATE");
      }
    }
    throw SqlExceptions.cannotConvert(v, "DATE");
  }

  static LocalTime toLocalTime(Object v) throws SQLException {
    if (v instanceof LocalTime) {
      return (LocalTime) v;
    }
    if (v instanceof LocalDateTime) {
      return ((LocalDateTime) v).toLocalTime();
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return s.length() <= 18 && s.indexOf('-') < 0 ? LocalTime.parse(s) : parseDateTime(s).toLocalTime();
      } catch (DateTimeParseException e) {
        throw SqlExceptions.badCharacterValue(s, "TIME");
      }
    }
    throw SqlExceptions.cannotConvert(v, "TIME");
  }

  static LocalDateTime toLocalDateTime(Object v) throws SQLException {
    if (v instanceof LocalDateTime) {
      return (LocalDateTime) v;
    }
    if (v instanceof LocalDate) {
      return ((LocalDate) v).atStartOfDay();
    }
    if (v instanceof LocalTime) {
      // JDBC: a TIME read as a TIMESTAMP is on the epoch day.
      return LocalDate.EPOCH.atTime((LocalTime) v);
    }
    if (v instanceof String) {
      String s = ((String) v).trim();
      try {
        return s.length() <= 10 ? LocalDate.parse(s).atStartOfDay() : parseDateTime(s);
      } catch (DateTimeParseException e) {
        throw SqlExceptions.badCharacterValue(s, "TIMESTAMP");
      }
    }
    throw SqlExceptions.cannotConvert(v, "TIMESTAMP");
  }

  /** Accepts both "2024-01-02 03:04:05.6" and ISO "2024-01-02T03:04:05.6". */
  private static LocalDateTime parseDateTime(String s) {
    return LocalDateTime.parse(s.replace(' ', 'T'));
  }

  static Date toDate(Object v, Calendar cal) throws SQLException {
    LocalDate d = toLocalDate(v);
    if (cal == null) {
      return Date.valueOf(d);
    }
    return new Date(d.atStartOfDay(zone(cal)).toInstant().toEpochMilli());
  }

  static Time toTime(Object v, Calendar cal) throws SQLException {
    LocalTime t = toLocalTime(v);
    ZoneId zone = cal == null ? ZoneId.systemDefault() : zone(cal);
    // Time.valueOf(LocalTime) would drop the milliseconds; go through the instant instead.
    return new Time(LocalDate.EPOCH.atTime(t).atZone(zone).toInstant().toEpochMilli());
  }

  static Timestamp toTimestamp(Object v, Calendar cal) throws SQLException {
    LocalDateTime t = toLocalDateTime(v);
    if (cal == null) {
      return Timestamp.valueOf(t);
    }
    return Timestamp.from(t.atZone(zone(cal)).toInstant());
  }

  static ZoneId zone(Calendar cal) {
    return cal.getTimeZone().toZoneId();
  }

  /**
   * The object {@code getObject(int)} returns: the JDBC standard class for the column type
   * (JDBC 4.3 table B-3): TINYINT, SMALLINT and INTEGER are Integer, BIGINT Long, REAL Float,
   * DOUBLE Double, DECIMAL BigDecimal, DATE/TIME/TIMESTAMP java.sql.Date/Time/Timestamp, binary
   * byte[], character String (CLOB too: a Ferrite CLOB is a String in memory).
   */
  static Object toJdbcObject(Object v, SqlType type) throws SQLException {
    switch (type) {
      case TINYINT:
      case SMALLINT:
      case INTEGER:
        return v instanceof Long ? Integer.valueOf(toInt(v)) : v;
      case BIGINT:
        return v instanceof Long ? v : Long.valueOf(toLong(v));
      case REAL:
        return v instanceof Double ? Float.valueOf(((Double) v).floatValue()) : v;
      case DOUBLE:
        return v instanceof Double ? v : Double.valueOf(toDouble(v));
      case DATE:
        return v instanceof LocalDate ? Date.valueOf((LocalDate) v) : v;
      case TIME:
        return v instanceof LocalTime ? toTime(v, null) : v;
      case TIMESTAMP:
        return v instanceof LocalDateTime ? Timestamp.valueOf((LocalDateTime) v) : v;
      case BINARY:
      case VARBINARY:
      case BLOB:
        // Callers may change the array; never hand out the engine's own.
        return v instanceof byte[] ? ((byte[]) v).clone() : v;
      default:
        return v;
    }
  }

  /** {@code getObject(int, Class)}: the value as {@code target}, or an exception. */
  @SuppressWarnings("unchecked")
  static <T> T toClass(Object v, SqlType type, Class<T> target) throws SQLException {
    Object r;
    if (target == String.class) {
      r = toString(v, type);
    } else if (target == Integer.class) {
      r = toInt(v);
    } else if (target == Long.class) {
      r = toLong(v);
    } else if (target == Short.class) {
      r = toShort(v);
    } else if (target == Byte.class) {
      r = toByte(v);
    } else if (target == Boolean.class) {
      r = toBoolean(v);
    } else if (target == Double.class) {
      r = toDouble(v);
    } else if (target == Float.class) {
      r = toFloat(v);
    } else if (target == BigDecimal.class) {
      r = toBigDecimal(v);
    } else if (target == BigInteger.class) {
      r = toBigDecimal(v).toBigInteger();
    } else if (target == byte[].class) {
      r = toBytes(v);
    } else if (target == LocalDate.class) {
      r = toLocalDate(v);
    } else if (target == LocalTime.class) {
      r = toLocalTime(v);
    } else if (target == LocalDateTime.class) {
      r = toLocalDateTime(v);
    } else if (target == OffsetDateTime.class) {
      r = toLocalDateTime(v).atZone(ZoneId.systemDefault()).toOffsetDateTime();
    } else if (target == ZonedDateTime.class) {
      r = toLocalDateTime(v).atZone(ZoneId.systemDefault());
    } else if (target == Instant.class) {
      r = toLocalDateTime(v).atZone(ZoneId.systemDefault()).toInstant();
    } else if (target == OffsetTime.class) {
      LocalTime t = toLocalTime(v);
      r = t.atOffset(ZoneId.systemDefault().getRules().getOffset(LocalDate.now().atTime(t)));
    } else if (target == Date.class) {
      r = toDate(v, null);
    } else if (target == Time.class) {
      r = toTime(v, null);
    } else if (target == Timestamp.class || target == java.util.Date.class) {
      r = toTimestamp(v, null);
    } else if (target == java.sql.Clob.class || target == java.sql.NClob.class) {
      r = new MemoryClob(toString(v, type));
    } else if (target == java.sql.Blob.class) {
      r = new MemoryBlob(toBytes(v));
    } else if (target == Object.class) {
      r = toJdbcObject(v, type);
    } else if (target == Character.class) {
      String s = toString(v, type);
      if (s.length() != 1) {
        throw SqlExceptions.badCharacterValue(s, "Character");
      }
      r = s.charAt(0);
    } else if (target.isInstance(v)) {
      r = v;
    } else {
      throw new SQLException("cannot convert to " + target.getName()
          + "; supported: String, numbers, Boolean, byte[], java.time and java.sql date/time classes",
          SqlExceptions.BAD_CONVERSION);
    }
    return (T) r;
  }
}
