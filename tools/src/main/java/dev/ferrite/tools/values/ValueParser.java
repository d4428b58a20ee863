package dev.ferrite.tools.values;

import dev.ferrite.tools.schema.ColumnInfo;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.Locale;

/**
 * Reads the text of a CSV field into the Java value a column takes, or explains why it cannot:
 * {@code cannot convert 'abc' to DECIMAL(10,2)}. Accepts what {@link ValueText} writes and the
 * usual variants: timestamps with {@code T} or a space, booleans as true/false, t/f, yes/no,
 * 1/0, binary as hex with or without {@code 0x} or {@code \x}. Empty text is NULL for numbers,
 * dates and booleans (there is no other value it could mean); for text and binary columns it
 * is the empty value.
 */
public final class ValueParser {
  private ValueParser() {}

  /**
   * The value of {@code text} for {@code column}: null for null, the column's Java type
   * otherwise.
   *
   * @throws IllegalArgumentException saying what is wrong with the text
   */
  public static Object parse(String text, ColumnInfo column) {
    if (text == null || text.isEmpty() && !column.character() && !binary(column)) {
      return null;
    }
    try {
      return convert(text, column);
    } catch (Reason e) {
      throw new IllegalArgumentException(cannot(text, column) + ": " + e.getMessage(), e);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      // The JDK's own messages ("For input string ...") would only repeat the text.
      throw new IllegalArgumentException(cannot(text, column), e);
    }
  }

  private static String cannot(String text, ColumnInfo column) {
    String shown = text.length() > 40 ? text.substring(0, 37) + "..." : text;
    return "cannot convert '" + shown + "' to " + column.typeSql();
  }

  /** Why a text that parses is still not a value of the column. */
  private static final class Reason extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    Reason(String message) {
      super(message);
    }
  }

  private static boolean binary(ColumnInfo column) {
    switch (column.jdbcType()) {
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return true;
      default:
        return false;
    }
  }

  private static Object convert(String text, ColumnInfo column) {
    String t = text.strip();
    switch (column.jdbcType()) {
      case Types.BOOLEAN:
      case Types.BIT:
        return bool(t);
      case Types.TINYINT:
        return (byte) integer(t, Byte.MIN_VALUE, Byte.MAX_VALUE);
      case Types.SMALLINT:
        return (short) integer(t, Short.MIN_VALUE, Short.MAX_VALUE);
      case Types.INTEGER:
        return (int) integer(t, Integer.MIN_VALUE, Integer.MAX_VALUE);
      case Types.BIGINT:
        return Long.parseLong(t);
      case Types.DECIMAL:
      case Types.NUMERIC:
        return new BigDecimal(t);
      case Types.REAL:
        return Float.parseFloat(t);
      case Types.FLOAT:
      case Types.DOUBLE:
        return Double.parseDouble(t);
      case Types.DATE:
        return Date.valueOf(LocalDate.parse(t));
      case Types.TIME:
        return Time.valueOf(LocalTime.parse(t));
      case Types.TIMESTAMP:
        return Timestamp.valueOf(LocalDateTime.parse(t.replace(' ', 'T')));
      case Types.BINARY:
      case Types.VARBINARY:
      case Types.LONGVARBINARY:
      case Types.BLOB:
        return HexFormat.of().parseHex(t.startsWith("0x") || t.startsWith("\\x")
            ? t.substring(2) : t);
      default:
        return text(text, column);
    }
  }

  /** Text as it is (spaces included); too long for its column is reported here, by column. */
  private static String text(String text, ColumnInfo column) {
    int max = column.size();
    if ((column.jdbcType() == Types.CHAR || column.jdbcType() == Types.VARCHAR)
        && max > 0 && text.length() > max) {
      throw new Reason(text.length() + " characters is too long");
    }
    return text;
  }

  private static long integer(String text, long min, long max) {
    long value = Long.parseLong(text);
    if (value < min || value > max) {
      throw new Reason("out of range");
    }
    return value;
  }

  private static boolean bool(String text) {
    switch (text.toLowerCase(Locale.ROOT)) {
      case "true": case "t": case "yes": case "y": case "1":
        return true;
      case "false": case "f": case "no": case "n": case "0":
        return false;
      default:
        throw new Reason("expected true/false, t/f, yes/no or 1/0");
    }
  }
}
