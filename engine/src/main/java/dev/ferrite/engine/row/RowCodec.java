package dev.ferrite.engine.row;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.SqlType;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;

/**
 * Compact encoding of a table row (the value stored under the row's key).
 *
 * <p>Layout: varint column count {@code n}; a null bitmap of {@code ceil(n/8)} bytes; then each
 * non-null column: integers and dates as zig-zag varints, doubles as 8 bytes, decimals as
 * zig-zag scale + length-prefixed unscaled bytes, strings and binaries length-prefixed.
 * A row written before ALTER TABLE ADD COLUMN has fewer columns; {@link #decode} fills the
 * missing ones from the caller's defaults.
 */
public final class RowCodec {
  private RowCodec() {
  }

  /** Encodes {@code row} whose column types are {@code types}. */
  public static byte[] encode(Object[] row, SqlType[] types, ByteSink sink) {
    sink.reset();
    int n = types.length;
    sink.putVarLong(n);
    int bitmap = sink.length();
    for (int i = 0; i < (n + 7) / 8; i++) {
      sink.put(0);
    }
    for (int i = 0; i < n; i++) {
      Object v = row[i];
      if (v == null) {
        continue;
      }
      switch (types[i]) {
        case BOOLEAN:
          sink.put((Boolean) v ? 1 : 0);
          break;
        case TINYINT:
        case SMALLINT:
        case INTEGER:
        case BIGINT:
          sink.putVarLong(zigzag((Long) v));
          break;
        case REAL:
        case DOUBLE:
          sink.putLong(Double.doubleToRawLongBits((Double) v));
          break;
        case DECIMAL:
          BigDecimal d = (BigDecimal) v;
          sink.putVarLong(zigzag(d.scale()));
          putBytes(sink, d.unscaledValue().toByteArray());
          break;
        case CHAR:
        case VARCHAR:
        case CLOB:
          putBytes(sink, ((String) v).getBytes(StandardCharsets.UTF_8));
          break;
        case BINARY:
        case VARBINARY:
        case BLOB:
          putBytes(sink, (byte[]) v);
          break;
        case DATE:
          sink.putVarLong(zigzag(((LocalDate) v).toEpochDay()));
          break;
        case TIME:
          sink.putVarLong(((LocalTime) v).toNanoOfDay());
          break;
        case TIMESTAMP:
          LocalDateTime t = (LocalDateTime) v;
          sink.putVarLong(zigzag(t.toEpochSecond(ZoneOffset.UTC)));
          sink.putVarLong(t.getNano());
          break;
        default:
          throw new EngineException(SqlStates.INTERNAL_ERROR, "cannot store type " + types[i]);
      }
    }
    // Fill the bitmap: bit i set means column i is NULL.
    for (int i = 0; i < n; i++) {
      if (row[i] == null) {
        int at = bitmap + i / 8;
        sink.set(at, bitValue(sink, at) | (1 << (i & 7)));
      }
    }
    return sink.toArray();
  }

  private static int bitValue(ByteSink sink, int at) {
    return sink.byteAt(at) & 0xFF;
  }

  private static void putBytes(ByteSink sink, byte[] b) {
    sink.putVarLong(b.length);
    sink.put(b, 0, b.length);
  }

  /**
   * Decodes a row of {@code types.length} columns; columns beyond those stored take
   * {@code defaults[i]}.
   */
  public static Object[] decode(byte[] data, SqlType[] types, Object[] defaults) {
    return decode(data, types, defaults, null);
  }

  /** Decodes the columns flagged in {@code wanted} (all when null); the others stay null. */
  public static Object[] decode(byte[] data, SqlType[] types, Object[] defaults, boolean[] wanted) {
    Reader r = new Reader(data);
    int stored = (int) r.varLong();
    int bitmap = r.pos;
    r.pos += (stored + 7) / 8;
    Object[] row = new Object[types.length];
    int last = wanted == null ? types.length - 1 : lastWanted(wanted);
    for (int i = 0; i < types.length; i++) {
      if (i >= stored) {
        row[i] = defaults[i];
        continue;
      }
      if ((data[bitmap + i / 8] & (1 << (i & 7))) != 0) {
        continue;
      }
      if (i > last) {
        break;
      }
      if (wanted != null && !wanted[i]) {
        skip(r, types[i]);
        continue;
      }
      switch (types[i]) {
        case BOOLEAN:
          row[i] = data[r.pos++] != 0;
          break;
        case TINYINT:
        case SMALLINT:
        case INTEGER:
        case BIGINT:
          row[i] = unzigzag(r.varLong());
          break;
        case REAL:
        case DOUBLE:
          row[i] = Double.longBitsToDouble(r.fixedLong());
          break;
        case DECIMAL:
          int scale = (int) unzigzag(r.varLong());
          row[i] = new BigDecimal(new BigInteger(r.bytes()), scale);
          break;
        case CHAR:
        case VARCHAR:
        case CLOB:
          int len = (int) r.varLong();
          row[i] = new String(data, r.pos, len, StandardCharsets.UTF_8);
          r.pos += len;
          break;
        case BINARY:
        case VARBINARY:
        case BLOB:
          row[i] = r.bytes();
          break;
        case DATE:
          row[i] = LocalDate.ofEpochDay(unzigzag(r.varLong()));
          break;
        case TIME:
          row[i] = LocalTime.ofNanoOfDay(r.varLong());
          break;
        case TIMESTAMP:
          long sec = unzigzag(r.varLong());
          row[i] = LocalDateTime.ofEpochSecond(sec, (int) r.varLong(), ZoneOffset.UTC);
          break;
        default:
          throw new EngineException(SqlStates.DATA_CORRUPTED, "bad column type " + types[i]);
      }
    }
    return row;
  }

  private static long zigzag(long v) {
    return (v << 1) ^ (v >> 63);
  }

  private static long unzigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }

  private static int lastWanted(boolean[] wanted) {
    for (int i = wanted.length - 1; i >= 0; i--) {
      if (wanted[i]) {
        return i;
      }
    }
    return -1;
  }

  /** Moves past one stored value of {@code type} without building it. */
  private static void skip(Reader r, SqlType type) {
    switch (type) {
      case BOOLEAN:
        r.pos++;
        break;
      case REAL:
      case DOUBLE:
        r.pos += 8;
        break;
      case DECIMAL:
        r.varLong();
        r.skipBytes();
        break;
      case CHAR:
      case VARCHAR:
      case CLOB:
      case BINARY:
      case VARBINARY:
      case BLOB:
        r.skipBytes();
        break;
      case TIMESTAMP:
        r.varLong();
        r.varLong();
        break;
      default:
        r.varLong(); // integers, DATE, TIME
    }
  }

  private static final class Reader {
    final byte[] data;
    int pos;

    Reader(byte[] data) {
      this.data = data;
    }

    long varLong() {
      long v = 0;
      int shift = 0;
      while (true) {
        byte b = data[pos++];
        v |= (long) (b & 0x7F) << shift;
        if (b >= 0) {
          return v;
        }
        shift += 7;
      }
    }

    long fixedLong() {
      long v = 0;
      for (int i = 0; i < 8; i++) {
        v = (v << 8) | (data[pos++] & 0xFF);
      }
      return v;
    }

    void skipBytes() {
      int len = (int) varLong();
      pos += len;
    }

    byte[] bytes() {
      int len = (int) varLong();
      byte[] b = java.util.Arrays.copyOfRange(data, pos, pos + len);
      pos += len;
      return b;
    }
  }
}
