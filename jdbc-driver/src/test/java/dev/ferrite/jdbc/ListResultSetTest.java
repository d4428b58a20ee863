package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Calendar;
import java.util.List;
import java.util.TimeZone;
import org.junit.jupiter.api.Test;

/**
 * Getter conversions and scrolling on the in-memory result set, fed with the engine's value
 * classes exactly as the engine delivers them (Long for every integer type, Double for REAL, ...).
 * The same getters serve streamed results, so this pins the conversion rules without SQL.
 */
class ListResultSetTest {
  private static ColumnMetadata col(String label, SqlType type, int precision, int scale) {
    return new ColumnMetadata(label, label, "PUBLIC", "T", new ColumnType(type, precision, scale), true, false);
  }

  private static final List<ColumnMetadata> COLUMNS = List.of(
      col("I", SqlType.INTEGER, 0, 0), col("S", SqlType.SMALLINT, 0, 0), col("B", SqlType.BIGINT, 0, 0),
      col("R", SqlType.REAL, 0, 0), col("D", SqlType.DOUBLE, 0, 0), col("N", SqlType.DECIMAL, 10, 2),
      col("V", SqlType.VARCHAR, 20, 0), col("BIN", SqlType.VARBINARY, 8, 0), col("DT", SqlType.DATE, 0, 0),
      col("TM", SqlType.TIME, 0, 0), col("TS", SqlType.TIMESTAMP, 0, 0), col("BO", SqlType.BOOLEAN, 0, 0),
      col("T", SqlType.TINYINT, 0, 0));

  private static ListResultSet oneRow(Object... values) {
    List<Object[]> rows = new ArrayList<>();
    rows.add(values);
    return new ListResultSet(null, COLUMNS, rows);
  }

  private static ListResultSet sample() {
    return oneRow(42L, 7L, 9_000_000_000L, 0.1d, 2.5d, new BigDecimal("12.34"), "hello",
        new byte[] {1, 2, (byte) 0xff}, LocalDate.of(2024, 2, 29), LocalTime.of(13, 5, 9, 120_000_000),
        LocalDateTime.of(2024, 2, 29, 13, 5, 9, 123_456_789), true, -3L);
  }

  @Test
  void getObjectReturnsTheJdbcStandardClasses() throws SQLException {
    ResultSet rs = sample();
    assertTrue(rs.next());
    assertEquals(42, rs.getObject(1));
    assertEquals(7, rs.getObject("s"));
    assertEquals(9_000_000_000L, rs.getObject(3));
    assertEquals(0.1f, rs.getObject(4));
    assertEquals(2.5d, rs.getObject(5));
    assertEquals(new BigDecimal("12.34"), rs.getObject(6));
    assertEquals("hello", rs.getObject(7));
    assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, (byte[]) rs.getObject(8));
    assertEquals(Date.valueOf("2024-02-29"), rs.getObject(9));
    assertInstanceOf(Time.class, rs.getObject(10));
    assertEquals(Timestamp.valueOf("2024-02-29 13:05:09.123456789"), rs.getObject(11));
    assertEquals(Boolean.TRUE, rs.getObject(12));
    assertEquals(-3, rs.getObject(13));
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= COLUMNS.size(); i++) {
      assertEquals(md.getColumnClassName(i), rs.getObject(i).getClass().getName(), md.getColumnLabel(i));
    }
  }

  @Test
  void numericConversions() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals(42L, rs.getLong(1));
    assertEquals((short) 42, rs.getShort(1));
    assertEquals(42.0, rs.getDouble(1));
    assertEquals(new BigDecimal("42"), rs.getBigDecimal(1));
    assertEquals(12.34, rs.getDouble("N"));
    assertEquals(12, rs.getInt("N"));
    assertEquals(2, rs.getInt("D"));
    assertEquals(0.1f, rs.getFloat("R"));
    assertEquals(new BigDecimal("12.3"), rs.getBigDecimal(6, 1));
    assertTrue(rs.getBoolean(1));
    assertEquals(1, rs.getInt("BO"));
  }

  @Test
  void outOfRangeIs22003() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    SQLException e = assertThrows(SQLDataException.class, () -> rs.getInt("B"));
    assertEquals("22003", e.getSQLState());
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getShort("B")).getSQLState());
    ResultSet huge = oneRow(null, null, null, null, 1e300, new BigDecimal("1e30"), null, null, null, null,
        null, null, null);
    huge.next();
    assertEquals("22003", assertThrows(SQLException.class, () -> huge.getLong("N")).getSQLState());
    assertEquals("22003", assertThrows(SQLException.class, () -> huge.getFloat("D")).getSQLState());
  }

  @Test
  void badStringToNumberIs22018() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals("22018", assertThrows(SQLDataException.class, () -> rs.getInt("V")).getSQLState());
    assertEquals("22018", assertThrows(SQLException.class, () -> rs.getBigDecimal("V")).getSQLState());
    assertEquals("22018", assertThrows(SQLException.class, () -> rs.getDate("V")).getSQLState());
    ResultSet numeric = oneRow(null, null, null, null, null, null, " 17 ", null, null, null, null, null, null);
    numeric.next();
    assertEquals(17, numeric.getInt("V"));
    assertEquals(new BigDecimal("17"), numeric.getBigDecimal("V"));
  }

  @Test
  void stringForms() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals("42", rs.getString(1));
    assertEquals("0.1", rs.getString("R"));
    assertEquals("2.5", rs.getString("D"));
    assertEquals("12.34", rs.getString("N"));
    assertEquals("0102FF", rs.getString("BIN"));
    assertEquals("2024-02-29", rs.getString("DT"));
    assertEquals("13:05:09.12", rs.getString("TM"));
    assertEquals("2024-02-29 13:05:09.123456789", rs.getString("TS"));
    assertEquals("TRUE", rs.getString("BO"));
  }

  @Test
  void dateTimeGettersAndCalendars() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals(Date.valueOf("2024-02-29"), rs.getDate("DT"));
    assertEquals(Date.valueOf("2024-02-29"), rs.getDate("TS"));
    assertEquals(Timestamp.valueOf("2024-02-29 00:00:00"), rs.getTimestamp("DT"));
    assertEquals(LocalTime.of(13, 5, 9, 120_000_000), rs.getTime("TM").toLocalTime().withNano(
        (int) (rs.getTime("TM").getTime() % 1000) * 1_000_000));
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    assertEquals(LocalDateTime.of(2024, 2, 29, 13, 5, 9, 123_456_789).toInstant(ZoneOffset.UTC),
        rs.getTimestamp("TS", utc).toInstant());
    assertEquals(LocalDate.of(2024, 2, 29).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli(),
        rs.getDate("DT", utc).getTime());
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    assertEquals(LocalDateTime.of(1970, 1, 1, 13, 5, 9, 120_000_000).atZone(ZoneId.of("Asia/Tokyo"))
        .toInstant().toEpochMilli(), rs.getTime("TM", tokyo).getTime());
  }

  @Test
  void getObjectWithClass() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("DT", LocalDate.class));
    assertEquals(LocalTime.of(13, 5, 9, 120_000_000), rs.getObject("TM", LocalTime.class));
    LocalDateTime ts = LocalDateTime.of(2024, 2, 29, 13, 5, 9, 123_456_789);
    assertEquals(ts, rs.getObject("TS", LocalDateTime.class));
    assertEquals(ts.atZone(ZoneId.systemDefault()).toOffsetDateTime(), rs.getObject("TS", OffsetDateTime.class));
    assertEquals(ts.atZone(ZoneId.systemDefault()).toInstant(), rs.getObject("TS", Instant.class));
    assertEquals(42, rs.getObject("I", Integer.class));
    assertEquals(42L, rs.getObject("I", Long.class));
    assertEquals("42", rs.getObject("I", String.class));
    assertEquals(new BigDecimal("12.34"), rs.getObject("N", BigDecimal.class));
    assertEquals(Boolean.TRUE, rs.getObject("BO", Boolean.class));
    assertEquals("22003", assertThrows(SQLException.class, () -> rs.getObject("B", Integer.class)).getSQLState());
    assertThrows(SQLException.class, () -> rs.getObject("I", java.util.List.class));
  }

  @Test
  void nullsAndWasNull() throws SQLException {
    ResultSet rs = oneRow(new Object[COLUMNS.size()]);
    rs.next();
    assertEquals(0, rs.getInt(1));
    assertTrue(rs.wasNull());
    assertNull(rs.getString(7));
    assertTrue(rs.wasNull());
    assertFalse(rs.getBoolean(12));
    assertNull(rs.getObject(9, LocalDate.class));
    assertNull(rs.getTimestamp(11));
    assertNull(rs.getBytes(8));
    ResultSet rs2 = sample();
    rs2.next();
    rs2.getInt(1);
    assertFalse(rs2.wasNull());
  }

  @Test
  void labelsAreCaseInsensitiveAndUnknownOnesFail() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals(7, rs.findColumn("bin") - 1);
    assertEquals(8, rs.findColumn("Bin"));
    assertThrows(SQLException.class, () -> rs.findColumn("nope"));
    assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(0)).getSQLState());
    assertEquals("07009", assertThrows(SQLException.class, () -> rs.getInt(14)).getSQLState());
  }

  @Test
  void scrolling() throws SQLException {
    List<Object[]> rows = new ArrayList<>();
    for (long i = 1; i <= 5; i++) {
      rows.add(new Object[] {i});
    }
    ResultSet rs = new ListResultSet(null, List.of(col("X", SqlType.INTEGER, 0, 0)), rows);
    assertEquals(ResultSet.TYPE_SCROLL_INSENSITIVE, rs.getType());
    assertTrue(rs.isBeforeFirst());
    assertEquals(0, rs.getRow());
    assertTrue(rs.last());
    assertEquals(5, rs.getInt(1));
    assertTrue(rs.isLast());
    assertEquals(5, rs.getRow());
    assertTrue(rs.absolute(2));
    assertEquals(2, rs.getInt(1));
    assertTrue(rs.relative(2));
    assertEquals(4, rs.getInt(1));
    assertTrue(rs.previous());
    assertEquals(3, rs.getInt(1));
    assertTrue(rs.absolute(-1));
    assertEquals(5, rs.getInt(1));
    assertFalse(rs.absolute(-6));
    assertTrue(rs.isBeforeFirst());
    assertFalse(rs.relative(-1));
    assertTrue(rs.first());
    assertTrue(rs.isFirst());
    assertFalse(rs.relative(10));
    assertTrue(rs.isAfterLast());
    assertThrows(SQLException.class, () -> rs.getInt(1));
    rs.afterLast();
    assertTrue(rs.previous());
    assertEquals(5, rs.getInt(1));
    rs.beforeFirst();
    int n = 0;
    while (rs.next()) {
      n++;
    }
    assertEquals(5, n);
    assertFalse(rs.next());
  }

  @Test
  void readOnlyAndClosed() throws SQLException {
    ResultSet rs = sample();
    rs.next();
    assertEquals(ResultSet.CONCUR_READ_ONLY, rs.getConcurrency());
    assertThrows(SQLFeatureNotSupportedException.class, () -> rs.updateInt(1, 3));
    assertThrows(SQLFeatureNotSupportedException.class, rs::insertRow);
    rs.close();
    assertTrue(rs.isClosed());
    assertEquals("HY010", assertThrows(SQLException.class, () -> rs.getInt(1)).getSQLState());
    assertThrows(SQLException.class, rs::next);
    rs.close();
  }

  @Test
  void metadataDescribesTheColumns() throws SQLException {
    ResultSetMetaData md = sample().getMetaData();
    assertEquals(13, md.getColumnCount());
    assertEquals(Types.INTEGER, md.getColumnType(1));
    assertEquals("INTEGER", md.getColumnTypeName(1));
    assertEquals(10, md.getPrecision(1));
    assertEquals(10, md.getPrecision(6));
    assertEquals(2, md.getScale(6));
    assertEquals(20, md.getPrecision(7));
    assertEquals(20, md.getColumnDisplaySize(7));
    assertEquals("T", md.getTableName(1));
    assertEquals("PUBLIC", md.getSchemaName(1));
    assertEquals("", md.getCatalogName(1));
    assertTrue(md.isSigned(1));
    assertFalse(md.isSigned(7));
    assertTrue(md.isCaseSensitive(7));
    assertEquals(ResultSetMetaData.columnNullable, md.isNullable(1));
    assertEquals("java.lang.Integer", md.getColumnClassName(2));
    assertEquals("java.lang.Float", md.getColumnClassName(4));
    assertEquals("[B", md.getColumnClassName(8));
    assertEquals("java.sql.Timestamp", md.getColumnClassName(11));
    assertThrows(SQLException.class, () -> md.getColumnType(14));
  }

  @Test
  void lobsAndStreams() throws Exception {
    ResultSet rs = sample();
    rs.next();
    assertEquals("hello", rs.getClob("V").getSubString(1, 5));
    assertEquals(3, rs.getBlob("BIN").length());
    assertEquals("hello", new String(rs.getAsciiStream("V").readAllBytes(), "US-ASCII"));
    assertArrayEquals(new byte[] {1, 2, (byte) 0xff}, rs.getBinaryStream("BIN").readAllBytes());
    char[] buf = new char[5];
    assertEquals(5, rs.getCharacterStream("V").read(buf));
    assertEquals("hello", new String(buf));
  }
}
