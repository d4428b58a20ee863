package dev.ferrite.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Calendar;
import java.util.UUID;

/**
 * Conversions from what a caller passes to a PreparedStatement setter to the engine's value
 * classes. java.sql date types and Calendars are turned into java.time values here, so the
 * time-zone rules live in the driver: without a Calendar, java.sql.Date/Time/Timestamp and
 * java.util.Date are read in the JVM's default zone; with one, in the Calendar's zone. Zoned
 * java.time values (Instant, OffsetDateTime, ZonedDateTime, OffsetTime) become the local
 * date-time in the JVM's default zone, since Ferrite's TIMESTAMP has no zone; reading them back
 * with {@code getObject(i, OffsetDateTime.class)} applies the same zone, so they round-trip.
 */
final class Parameters {
  private Parameters() {
  }

  /** {@code setObject(i, x)}: the engine value for any supported Java object. */
  static Object fromObject(Object x) throws SQLException {
    if (x == null || x instanceof String || x instanceof Long || x instanceof Double
        || x instanceof BigDecimal || x instanceof Boolean || x instanceof LocalDate
        || x instanceof LocalTime || x instanceof LocalDateTime || x instanceof Float) {
      return x;
    }
    if (x instanceof Integer || x instanceof Short || x instanceof Byte) {
      return ((Number) x).longValue();
    }
    if (x instanceof BigInteger) {
      return new BigDecimal((BigInteger) x);
    }
    if (x instanceof byte[]) {
      // The caller may reuse the array after setBytes; the engine must see today's contents.
      return ((byte[]) x).clone();
    }
    if (x instanceof java.sql.Date) {
      return ((java.sql.Date) x).toLocalDate();
    }
    if (x instanceof Time) {
      return timeOf((Time) x, null);
    }
    if (x instanceof Timestamp) {
      return ((Timestamp) x).toLocalDateTime();
    }
    if (x instanceof java.util.Date) {
      return LocalDateTime.ofInstant(((java.util.Date) x).toInstant(), ZoneId.systemDefault());
    }
    if (x instanceof Calendar) {
      Calendar c = (Calendar) x;
      return LocalDateTime.ofInstant(c.toInstant(), Values.zone(c));
    }
    if (x instanceof Instant) {
      return LocalDateTime.ofInstant((Instant) x, ZoneId.systemDefault());
    }
    if (x instanceof OffsetDateTime) {
      return LocalDateTime.ofInstant(((OffsetDateTime) x).toInstant(), ZoneId.systemDefault());
    }
    if (x instanceof ZonedDateTime) {
      return LocalDateTime.ofInstant(((ZonedDateTime) x).toInstant(), ZoneId.systemDefault());
    }
    if (x instanceof OffsetTime) {
      OffsetTime t = (OffsetTime) x;
      return t.withOffsetSameInstant(ZoneId.systemDefault().getRules().getOffset(Instant.now())).toLocalTime();
    }
    if (x instanceof Character || x instanceof UUID) {
      return x.toString();
    }
    if (x instanceof Clob) {
      Clob c = (Clob) x;
      return c.getSubString(1, lengthOf(c.length()));
    }
    if (x instanceof Blob) {
      Blob b = (Blob) x;
      return b.getBytes(1, lengthOf(b.length()));
    }
    if (x instanceof Reader) {
      return readChars((Reader) x, -1);
    }
    if (x instanceof InputStream) {
      return readBytes((InputStream) x, -1);
    }
    throw new SQLException("cannot use a " + x.getClass().getName() + " as a parameter value",
        SqlExceptions.BAD_CONVERSION);
  }

  /**
   * {@code setObject(i, x, targetSqlType, scaleOrLength)}: converts to the class of the target
   * type first, so {@code setObject(1, "12", Types.INTEGER)} sends the number 12.
   */
  static Object fromObject(Object x, int targetSqlType, int scaleOrLength) throws SQLException {
    Object v = fromObject(x);
    if (v == null) {
      return null;
    }
    switch (targetSqlType) {
      case Types.TINYINT:
        return (long) Values.toByte(v);
      case Types.SMALLINT:
        return (long) Values.toShort(v);
      case Types.INTEGER:
        return (long) Values.toInt(v);
      case Types.BIGINT:
        return Values.toLong(v);
      case Types.BIT:
      case Types.BOOLEAN:
        return Values.toBoolean(v);
      case Types.DECIMAL:
      case Types.NUMERIC:
        BigDecimal d = Values.toBigDecimal(v);
        return scaleOrLength >= 0 && scaleOrLength != Integer.MIN_VALUE
            ? d.setScale(scaleOrLength, RoundingMode.HALF_UP) : d;
      case Types.REAL:
        return Values.toFloat(v);
      case Types.FLOAT:
      case Types.DOUBLE:
        return Values.toDouble(v);
      case Types.CHAR:
      case Types.VARCHAR:
      case Types.LONGVARCHAR:
      case Types.CLOB:
      case Types.NCHAR:
      case Types.NVARCHAR:
      case Types.LONGNVARCHAR:
      case Types.NCLOB:
        return v instanceof Float ? v.toString() : Values.toString(v, null);
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return Values.toBytes(v);
      case Types.DATE:
        return Values.toLocalDate(v);
      case Types.TIME:
        return Values.toLocalTime(v);
      case Types.TIMESTAMP:
        return Values.toLocalDateTime(v);
      case Types.NULL:
        return null;
      case Types.OTHER:
      case Types.JAVA_OBJECT:
        return v;
      default:
        throw SqlExceptions.unsupported("setObject with target type " + targetSqlType);
    }
  }

  /** A java.sql.Date as a local date, in the Calendar's zone when one is given. */
  static LocalDate dateOf(java.sql.Date d, Calendar cal) {
    if (cal == null) {
      return d.toLocalDate();
    }
    return Instant.ofEpochMilli(d.getTime()).atZone(Values.zone(cal)).toLocalDate();
  }

  /** A java.sql.Time as a local time; unlike Time.toLocalTime it keeps the milliseconds. */
  static LocalTime timeOf(Time t, Calendar cal) {
    ZoneId zone = cal == null ? ZoneId.systemDefault() : Values.zone(cal);
    return Instant.ofEpochMilli(t.getTime()).atZone(zone).toLocalTime();
  }

  /** A Timestamp as a local date-time (nanoseconds kept), in the Calendar's zone when given. */
  static LocalDateTime timestampOf(Timestamp t, Calendar cal) {
    if (cal == null) {
      return t.toLocalDateTime();
    }
    return LocalDateTime.ofInstant(t.toInstant(), Values.zone(cal));
  }

  /** Reads a character stream to its end, or {@code length} characters when length >= 0. */
  static String readChars(Reader r, long length) throws SQLException {
    if (r == null) {
      return null;
    }
    try {
      StringBuilder sb = new StringBuilder(length >= 0 && length < 1 << 20 ? (int) length : 256);
      char[] buf = new char[8192];
      long left = length < 0 ? Long.MAX_VALUE : length;
      while (left > 0) {
        int n = r.read(buf, 0, (int) Math.min(buf.length, left));
        if (n < 0) {
          break;
        }
        sb.append(buf, 0, n);
        left -= n;
      }
      return sb.toString();
    } catch (IOException e) {
      throw new SQLException("reading the character stream failed: " + e.getMessage(), "HY000", e);
    }
  }

  /** Reads a byte stream to its end, or {@code length} bytes when length >= 0. */
  static byte[] readBytes(InputStream in, long length) throws SQLException {
    if (in == null) {
      return null;
    }
    try {
      if (length < 0) {
        return in.readAllBytes();
      }
      if (length > Integer.MAX_VALUE - 8) {
        throw SqlExceptions.invalidArgument("stream length " + length + " is too large");
      }
      return in.readNBytes((int) length);
    } catch (IOException e) {
      throw new SQLException("reading the stream failed: " + e.getMessage(), "HY000", e);
    }
  }

  static int lengthOf(long length) throws SQLException {
    if (length > Integer.MAX_VALUE) {
      throw SqlExceptions.invalidArgument("LOB of " + length + " is too large");
    }
    return (int) length;
  }
}
