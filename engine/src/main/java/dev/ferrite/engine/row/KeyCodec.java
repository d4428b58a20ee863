package dev.ferrite.engine.row;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.SqlType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Order-preserving, prefix-free encoding of key columns: comparing two encodings as unsigned
 * bytes gives the SQL order of the values, column by column, so an index tree's natural order
 * is the query's ORDER BY order and a key prefix selects a range.
 *
 * <p>Per column: {@code 0x00} for NULL (nulls sort first ascending), otherwise {@code 0x01} then
 * the value: integers 8 bytes big-endian with the sign bit flipped; doubles as their IEEE bits
 * made sortable; decimals as sign class, exponent and digit string; strings and byte strings
 * with {@code 0x00} escaped as {@code 0x00 0xFF} and terminated by {@code 0x00 0x00}; dates and
 * times as integers. A descending column is the same bytes complemented.
 */
public final class KeyCodec {
  private static final int NULL = 0x00;
  private static final int PRESENT = 0x01;

  private KeyCodec() {
  }

  /** Appends one column value (already of the column's value class). */
  public static void encode(ByteSink sink, Object value, SqlType type, boolean descending) {
    int start = sink.length();
    if (value == null) {
      sink.put(NULL);
    } else {
      sink.put(PRESENT);
      encodeValue(sink, value, type);
    }
    if (descending) {
      sink.complementFrom(start);
    }
  }

  private static void encodeValue(ByteSink sink, Object value, SqlType type) {
    switch (type) {
      case BOOLEAN:
        sink.put((Boolean) value ? 1 : 0);
        break;
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        sink.putLong((Long) value ^ Long.MIN_VALUE);
        break;
      case REAL:
      case DOUBLE:
        sink.putLong(sortableDouble((Double) value));
        break;
      case DECIMAL:
        encodeDecimal(sink, (BigDecimal) value);
        break;
      case CHAR:
      case VARCHAR:
      case CLOB:
        encodeBytes(sink, ((String) value).getBytes(StandardCharsets.UTF_8));
        break;
      case BINARY:
      case VARBINARY:
      case BLOB:
        encodeBytes(sink, (byte[]) value);
        break;
      case DATE:
        sink.putLong(((LocalDate) value).toEpochDay() ^ Long.MIN_VALUE);
        break;
      case TIME:
        sink.putLong(((LocalTime) value).toNanoOfDay() ^ Long.MIN_VALUE);
        break;
      case TIMESTAMP:
        LocalDateTime t = (LocalDateTime) value;
        sink.putLong(t.toEpochSecond(ZoneOffset.UTC) ^ Long.MIN_VALUE);
        sink.putLong(t.getNano());
        break;
      default:
        throw new EngineException(SqlStates.INTERNAL_ERROR, "type " + type + " cannot be a key");
    }
  }

  private static long sortableDouble(double d) {
    if (d == 0) {
      d = 0.0; // -0.0 and 0.0 are equal in SQL
    }
    long bits = Double.doubleToLongBits(d);
    return bits < 0 ? ~bits : bits ^ Long.MIN_VALUE;
  }

  private static void encodeBytes(ByteSink sink, byte[] b) {
    for (byte x : b) {
      sink.put(x);
      if (x == 0) {
        sink.put(0xFF);
      }
    }
    sink.put(0);
    sink.put(0);
  }

  private static void encodeDecimal(ByteSink sink, BigDecimal d) {
    int sign = d.signum();
    if (sign == 0) {
      sink.put(0x02);
      return;
    }
    BigDecimal abs = d.abs().stripTrailingZeros();
    String digits = abs.unscaledValue().toString();
    int exponent = digits.length() - abs.scale();
    int start = sink.length();
    sink.put(sign > 0 ? 0x03 : 0x01);
    int body = sink.length();
    int e = exponent ^ Integer.MIN_VALUE;
    sink.put(e >>> 24);
    sink.put(e >>> 16);
    sink.put(e >>> 8);
    sink.put(e);
    for (int i = 0; i < digits.length(); i++) {
      sink.put(digits.charAt(i));
    }
    sink.put(0);
    if (sign < 0) {
      sink.complementFrom(body);
    }
    assert sink.length() > start;
  }

  /** Throws LIMIT_EXCEEDED when an encoded key is longer than the store accepts. */
  public static byte[] checkLength(byte[] key, int maxKeyLength, String what) {
    if (key.length > maxKeyLength) {
      throw new EngineException(SqlStates.LIMIT_EXCEEDED, what + " key of " + key.length
          + " bytes is longer than the " + maxKeyLength + " bytes an index key may have");
    }
    return key;
  }
}
