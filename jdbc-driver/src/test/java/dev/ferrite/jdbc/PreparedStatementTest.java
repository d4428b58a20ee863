package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.Date;
import java.sql.JDBCType;
import java.sql.ParameterMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Calendar;
import java.util.TimeZone;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every setter, round-tripped through a table of every type. */
class PreparedStatementTest {
  private static final String COLUMNS = "id, b, ti, si, i, bi, r, d, n, c, v, cl, bin, vb, bl, dt, tm, ts";
  private Connection conn;

  @BeforeEach
  void open() throws SQLException {
    conn = Db.open(Db.memUrl());
    Db.exec(conn, "CREATE TABLE all_types(id INTEGER PRIMARY KEY, b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER,"
        + " bi BIGINT, r REAL, d DOUBLE, n DECIMAL(12,3), c CHAR(3), v VARCHAR(50), cl VARCHAR(1000),"
        + " bin BINARY(2), vb VARBINARY(10), bl VARBINARY(100), dt DATE, tm TIME, ts TIMESTAMP)");
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  private PreparedStatement insert() throws SQLException {
    return conn.prepareStatement("INSERT INTO all_types(" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)");
  }

  private ResultSet row(int id) throws SQLException {
    PreparedStatement ps = conn.prepareStatement("SELECT " + COLUMNS + " FROM all_types WHERE id = ?");
    ps.setInt(1, id);
    ps.closeOnCompletion();
    ResultSet rs = ps.executeQuery();
    assertTrue(rs.next(), "row " + id);
    return rs;
  }

  @Test
  void primitiveSettersRoundTrip() throws SQLException {
    try (PreparedStatement ps = insert()) {
      ps.setInt(1, 1);
      ps.setBoolean(2, true);
      ps.setByte(3, (byte) -7);
      ps.setShort(4, (short) 32000);
      ps.setInt(5, Integer.MIN_VALUE);
      ps.setLong(6, Long.MAX_VALUE);
      ps.setFloat(7, 1.5f);
      ps.setDouble(8, Math.PI);
      ps.setBigDecimal(9, new BigDecimal("123456789.125"));
      ps.setString(10, "abc");
      ps.setNString(11, "héllo wörld");
      ps.setString(12, "a clob");
      ps.setBytes(13, new byte[] {1, 2});
      ps.setBytes(14, new byte[] {3, 4, 5});
      ps.setBytes(15, new byte[] {6});
      ps.setDate(16, Date.valueOf("2024-02-29"));
      ps.setTime(17, Time.valueOf("23:59:58"));
      ps.setTimestamp(18, Timestamp.valueOf("2024-02-29 23:59:58.123456"));
      assertEquals(1, ps.executeUpdate());
    }
    try (ResultSet rs = row(1)) {
      assertTrue(rs.getBoolean("B"));
      assertEquals(-7, rs.getByte("TI"));
      assertEquals(32000, rs.getShort("SI"));
      assertEquals(Integer.MIN_VALUE, rs.getInt("I"));
      assertEquals(Long.MAX_VALUE, rs.getLong("BI"));
      assertEquals(1.5f, rs.getFloat("R"));
      assertEquals(Math.PI, rs.getDouble("D"));
      assertEquals(new BigDecimal("123456789.125"), rs.getBigDecimal("N"));
      assertEquals("abc", rs.getString("C"));
      assertEquals("héllo wörld", rs.getString("V"));
      assertEquals("a clob", rs.getString("CL"));
      assertArrayEquals(new byte[] {1, 2}, rs.getBytes("BIN"));
      assertArrayEquals(new byte[] {3, 4, 5}, rs.getBytes("VB"));
      assertArrayEquals(new byte[] {6}, rs.getBytes("BL"));
      assertEquals(Date.valueOf("2024-02-29"), rs.getDate("DT"));
      assertEquals(Time.valueOf("23:59:58"), rs.getTime("TM"));
      assertEquals(Timestamp.valueOf("2024-02-29 23:59:58.123456"), rs.getTimestamp("TS"));
    }
  }

  @Test
  void setObjectWithJavaTimeAndTargetTypes() throws SQLException {
    OffsetDateTime odt = OffsetDateTime.of(2023, 5, 6, 7, 8, 9, 0, ZoneOffset.UTC);
    try (PreparedStatement ps = insert()) {
      ps.setObject(1, 2);
      ps.setObject(2, "true", Types.BOOLEAN);
      ps.setObject(3, (byte) 1);
      ps.setObject(4, (short) 2);
      ps.setObject(5, "42", Types.INTEGER);
      ps.setObject(6, new java.math.BigInteger("9000000000"));
      ps.setObject(7, 2.25f);
      ps.setObject(8, 1.0e100);
      ps.setObject(9, 3.14159, Types.DECIMAL, 2);
      ps.setObject(10, 'x');
      ps.setObject(11, 12345L, JDBCType.VARCHAR);
      ps.setObject(12, "clob text", Types.CLOB);
      ps.setObject(13, new byte[] {9, 9});
      ps.setNull(14, Types.VARBINARY);
      ps.setObject(15, null);
      ps.setObject(16, LocalDate.of(1999, 12, 31));
      ps.setObject(17, LocalTime.of(1, 2, 3));
      ps.setObject(18, odt);
      ps.executeUpdate();
    }
    try (ResultSet rs = row(2)) {
      assertTrue(rs.getBoolean("B"));
      assertEquals(42, rs.getInt("I"));
      assertEquals(9_000_000_000L, rs.getLong("BI"));
      assertEquals(1.0e100, rs.getDouble("D"));
      assertEquals(new BigDecimal("3.140"), rs.getBigDecimal("N"));
      assertEquals("x", rs.getString("C").trim());
      assertEquals("12345", rs.getString("V"));
      assertNull(rs.getBytes("VB"));
      assertTrue(rs.wasNull());
      assertNull(rs.getObject("BL"));
      assertEquals(LocalDate.of(1999, 12, 31), rs.getObject("DT", LocalDate.class));
      assertEquals(LocalTime.of(1, 2, 3), rs.getObject("TM", LocalTime.class));
      assertEquals(odt.toInstant(), rs.getObject("TS", OffsetDateTime.class).toInstant());
    }
  }

  @Test
  void calendarSettersAndGettersUseTheCalendarsZone() throws SQLException {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Timestamp instant = Timestamp.from(java.time.Instant.parse("2020-01-01T00:30:00Z"));
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO all_types(id, ts, dt) VALUES (3, ?, ?)")) {
      ps.setTimestamp(1, instant, utc);
      ps.setDate(2, new Date(instant.getTime()), utc);
      ps.executeUpdate();
    }
    try (ResultSet rs = row(3)) {
      // Stored as the UTC wall-clock time, whatever the JVM's zone.
      assertEquals(LocalDateTime.of(2020, 1, 1, 0, 30), rs.getObject("TS", LocalDateTime.class));
      assertEquals(LocalDate.of(2020, 1, 1), rs.getObject("DT", LocalDate.class));
      assertEquals(instant, rs.getTimestamp("TS", utc));
    }
  }

  @Test
  void streamsReadersAndLobs() throws SQLException {
    Clob clob = conn.createClob();
    clob.setString(1, "from a clob");
    Blob blob = conn.createBlob();
    blob.setBytes(1, new byte[] {7, 8, 9});
    try (PreparedStatement ps = conn.prepareStatement("INSERT INTO all_types(id, v, cl, vb, bl, c) VALUES (?,?,?,?,?,?)")) {
      ps.setInt(1, 4);
      ps.setCharacterStream(2, new StringReader("reader text, cut here"), 11);
      ps.setClob(3, clob);
      ps.setBinaryStream(4, new ByteArrayInputStream(new byte[] {1, 2, 3, 4}));
      ps.setBlob(5, blob);
      ps.setAsciiStream(6, new ByteArrayInputStream("xyz".getBytes(StandardCharsets.US_ASCII)), 3);
      ps.executeUpdate();
    }
    try (ResultSet rs = row(4)) {
      assertEquals("reader text", rs.getString("V"));
      assertEquals("from a clob", rs.getClob("CL").getSubString(1, 100));
      assertArrayEquals(new byte[] {1, 2, 3, 4}, rs.getBytes("VB"));
      assertArrayEquals(new byte[] {7, 8, 9}, rs.getBlob("BL").getBytes(1, 3));
      assertEquals("xyz", rs.getString("C"));
    }
  }

  @Test
  void parametersMustBeSetAndStayUntilCleared() throws SQLException {
    Db.exec(conn, "INSERT INTO all_types(id, v) VALUES (10, 'ten'), (11, 'eleven')");
    try (PreparedStatement ps = conn.prepareStatement("SELECT v FROM all_types WHERE id = ?")) {
      assertEquals("07001", assertThrows(SQLException.class, ps::executeQuery).getSQLState());
      ps.setInt(1, 10);
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next());
        assertEquals("ten", rs.getString(1));
      }
      try (ResultSet rs = ps.executeQuery()) {
        assertTrue(rs.next(), "the parameter is kept between executions");
        assertEquals("ten", rs.getString(1));
      }
      ps.clearParameters();
      assertEquals("07001", assertThrows(SQLException.class, ps::executeQuery).getSQLState());
      assertEquals("07009", assertThrows(SQLException.class, () -> ps.setInt(2, 1)).getSQLState());
      assertThrows(SQLException.class, () -> ps.executeQuery("SELECT 1"));
      assertThrows(SQLException.class, () -> ps.addBatch("SELECT 1"));
    }
  }

  @Test
  void changingParametersWhileAResultIsOpenDoesNotDisturbIt() throws SQLException {
    for (int i = 20; i < 30; i++) {
      Db.exec(conn, "INSERT INTO all_types(id, i) VALUES (" + i + ", " + i + ")");
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT id FROM all_types WHERE i >= ? ORDER BY id")) {
      ps.setInt(1, 20);
      ResultSet rs = ps.executeQuery();
      assertTrue(rs.next());
      ps.setInt(1, 1000);
      int n = 1;
      while (rs.next()) {
        n++;
      }
      assertEquals(10, n);
      try (ResultSet none = ps.executeQuery()) {
        assertFalse(none.next());
      }
    }
  }

  @Test
  void metadataBeforeExecution() throws SQLException {
    try (PreparedStatement ps = conn.prepareStatement("SELECT id, v AS label, n FROM all_types WHERE i = ? AND v = ?")) {
      ResultSetMetaData md = ps.getMetaData();
      assertEquals(3, md.getColumnCount());
      assertEquals("ID", md.getColumnLabel(1));
      assertEquals("LABEL", md.getColumnLabel(2));
      assertEquals("V", md.getColumnName(2));
      assertEquals("ALL_TYPES", md.getTableName(2));
      assertEquals(Types.VARCHAR, md.getColumnType(2));
      assertEquals(50, md.getPrecision(2));
      assertEquals(Types.DECIMAL, md.getColumnType(3));
      assertEquals(12, md.getPrecision(3));
      assertEquals(3, md.getScale(3));
      assertEquals(ResultSetMetaData.columnNoNulls, md.isNullable(1));
      ParameterMetaData pmd = ps.getParameterMetaData();
      assertEquals(2, pmd.getParameterCount());
      assertEquals(Types.INTEGER, pmd.getParameterType(1));
      assertEquals(Types.VARCHAR, pmd.getParameterType(2));
      assertEquals(ParameterMetaData.parameterModeIn, pmd.getParameterMode(1));
      assertEquals("java.lang.Integer", pmd.getParameterClassName(1));
    }
    try (PreparedStatement ps = conn.prepareStatement("DELETE FROM all_types WHERE id = ?")) {
      assertNull(ps.getMetaData());
      assertEquals("07005", assertThrows(SQLException.class, ps::executeQuery).getSQLState());
    }
    try (PreparedStatement ps = conn.prepareStatement("SELECT * FROM all_types")) {
      assertEquals("07003", assertThrows(SQLException.class, ps::executeUpdate).getSQLState());
    }
  }

  @Test
  void prepareFailsEarlyOnBadSql() {
    assertThrows(java.sql.SQLSyntaxErrorException.class, () -> conn.prepareStatement("SELEC 1"));
    assertThrows(java.sql.SQLSyntaxErrorException.class, () -> conn.prepareStatement("SELECT nope FROM all_types"));
  }

  @Test
  void executeReportsTheKindOfResult() throws SQLException {
    try (PreparedStatement q = conn.prepareStatement("SELECT COUNT(*) FROM all_types");
        PreparedStatement u = conn.prepareStatement("INSERT INTO all_types(id) VALUES (?)")) {
      assertTrue(q.execute());
      assertEquals(-1, q.getUpdateCount());
      assertTrue(q.getResultSet().next());
      u.setInt(1, 99);
      assertFalse(u.execute());
      assertEquals(1, u.getUpdateCount());
      assertNull(u.getResultSet());
      u.setInt(1, 100);
      assertEquals(1L, u.executeLargeUpdate());
      assertEquals(2, Db.count(conn, "all_types"));
    }
  }
}
