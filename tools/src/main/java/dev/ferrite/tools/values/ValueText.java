package dev.ferrite.tools.values;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.HexFormat;

/**
 * The text of a value read with {@code ResultSet.getObject}: ISO dates and times with a space
 * before the time of a timestamp and no trailing zeros in its fraction, plain decimals (never
 * exponent notation), binary values as lower-case hex.
 */
public final class ValueText {
  /** {@code 2024-01-02 03:04:05.123}: what SQL literals and the shell's users write. */
  static final DateTimeFormatter TIMESTAMP = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE).appendLiteral(' ')
      .appendPattern("HH:mm:ss").appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
      .toFormatter();

  private ValueText() {}

  /** The text of {@code value}, or null for SQL NULL. */
  public static String of(Object value) throws SQLException {
    if (value == null) {
      return null;
    }
    if (value instanceof byte[] bytes) {
      return HexFormat.of().formatHex(bytes);
    }
    if (value instanceof Timestamp timestamp) {
      // Timestamp.toString pads with ".0"; the ISO form keeps what was stored, no more.
      return TIMESTAMP.format(timestamp.toLocalDateTime());
    }
    if (value instanceof BigDecimal decimal) {
      return decimal.toPlainString();
    }
    if (value instanceof Clob clob) {
      return read(clob.getCharacterStream());
    }
    if (value instanceof Blob blob) {
      return HexFormat.of().formatHex(blob.getBytes(1, (int) blob.length()));
    }
    return value.toString();
  }

  private static String read(Reader reader) {
    try (reader) {
      StringBuilder text = new StringBuilder();
      char[] buffer = new char[8192];
      for (int n; (n = reader.read(buffer)) > 0; ) {
        text.append(buffer, 0, n);
      }
      return text.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
