package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLDataException;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Values computed by the engine, read through every getter. */
class ResultSetConversionTest {
  private static final String LITERALS = "SELECT CAST(1 AS INTEGER) AS i, CAST(2 AS SMALLINT) AS s,"
      + " CAST(3 AS TINYINT) AS t, CAST(9000000000 AS BIGINT) AS b, CAST(1.5 AS REAL) AS r,"
      + " CAST(2.5 AS DOUBLE) AS d, CAST(12.34 AS DECIMAL(10,2)) AS n, 'x' AS c,"
      + " CAST('hello' AS VARCHAR(10)) AS v, X'01FF' AS bin, DATE '2024-02-29' AS dt, TIME '13:05:09' AS tm,"
      + " TIMESTAMP '2024-02-29 13:05:09.123' AS ts, TRUE AS bo, CAST(NULL AS INTEGER) AS nul,"
      + " CAST('17' AS VARCHAR(5)) AS numtext";
  private Connection conn;
  private Statement stmt;
  private ResultSet rs;

  @BeforeEach
  void open() throws SQLException {
    conn = Db.open(Db.memUrl());
    stmt = conn.createStatement();
    rs = stmt.executeQuery(LITERALS);
    assertTrue(rs.next());
  }

  @AfterEach
  void close() throws SQLException {
    conn.close();
  }

  @Test
  void getObjectClassesFollowTheColumnTypes() throws SQLException {
    assertEquals(1, rs.getObject("I"));
    assertEquals(2, rs.getObject("S"));
    assertEquals(3, rs.getObject("T"));
    assertEquals(9_000_000_000L, rs.getObject("B"));
    assertEquals(1.5f, rs.getObject("R"));
    assertEquals(2.5d, rs.getObject("D"));
    assertEquals(new BigDecimal("12.34"), rs.getObject("N"));
    assertEquals("x", rs.getObject("C"));
    assertEquals("hello", rs.getObject("V"));
    assertArrayEquals(new byte[] {1, (byte) 0xff}, (byte[]) rs.getObject("BIN"));
    assertEquals(Date.valueOf("2024-02-29"), rs.getObject("DT"));
    assertEquals(Time.valueOf("13:05:09"), rs.getObject("TM"));
    assertEquals(Timestamp.valueOf("2024-02-29 13:05:09.123"), rs.getObject("TS"));
    assertEquals(Boolean.TRUE, rs.getObject("BO"));
    assertNull(rs.getObject("NUL"));
    ResultSetMetaData md = rs.getMetaData();
    for (int i = 1; i <= md.getColumnCount(); i++) {
      Object v = rs.getObject(i);
      if (v != null) {
        assertEquals(md.getColumnClassName(i), v.getClass().getName(), md.getColumnLabel(i));
      }
    }
  }

  @Test
  void metadataTypes() throws SQLException {
    ResultSetMetaData md = rs.getMetaData();
    assertEquals(16, md.getColumnCount());
    int[] expected = {Types.INTEGER, Types.SMALLINT, Types.TINYINT, Types.BIGINT, Types.REAL, Types.DOUBLE,
        Types.DECIMAL, Types.CHAR, Types.VARCHAR, Types.BINARY, Types.DATE, Types.TIME, Types.TIMESTAMP,
        Types.BOOLEAN, Types.INTEGER, Types.VARCHAR};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], md.getColumnType(i + 1), md.getColumnLabel(i + 1));
    }
    assertEquals("I", md.getColumnLabel(1));
    assertEquals(2, md.getScale(7));
    assertEquals(10, md.getPrecision(7));
    assertEquals("", md.getTableName(1));
  }

  @Test
  void conversionsBetweenTypes() throws SQLException {
    assertEquals(1L, rs.getLong("I"));
    assertEquals("1", rs.getString("I"));
    assertEquals(2.5, rs.getDouble("D"));
    assertEquals(2, rs.getInt("D"));
    assertEquals(12.34, rs.getDouble("N"));
    assertEquals(new BigDecimal("1.5"), rs.getBigDecimal("R"));
    assertEquals("1.5", rs.getString("R"));
    assertEquals("12.34", rs.getString("N"));
    assertEquals("2024-02-29", rs.getString("DT"));
    assertEquals("13:05:09", rs.getString("TM"));
    assertEquals("2024-02-29 13:05:09.123", rs.getString("TS"));
    assertEquals("01FF", rs.getString("BIN"));
    assertEquals(17, rs.getInt("NUMTEXT"));
    assertEquals(LocalDate.of(2024, 2, 29), rs.getObject("TS", LocalDate.class));
    assertEquals(LocalDateTime.of(2024, 2, 29, 13, 5, 9, 123_000_000), rs.getObject("TS", LocalDateTime.class));
    assertEquals(LocalTime.of(13, 5, 9), rs.getObject("TM", LocalTime.class));
    assertEquals(Date.valueOf("2024-02-29"), rs.getDate("TS"));
    assertTrue(rs.getBoolean("BO"));
    assertEquals(0, rs.getInt("NUL"));
    assertTrue(rs.wasNull());
  }

  @Test
  void failedConversionsHaveDataStates() throws SQLException {
    assertEquals("22003", assertThrows(SQLDataException.class, () -> rs.getInt("B")).getSQLState());
    assertEquals("22003", assertThrows(SQLDataException.class, () -> rs.getShort("B")).getSQLState());
    assertEquals("22018", assertThrows(SQLDataException.class, () -> rs.getInt("V")).getSQLState());
    assertEquals("22018", assertThrows(SQLDataException.class, () -> rs.getDouble("V")).getSQLState());
    assertThrows(SQLException.class, () -> rs.getDate("I"));
  }

  @Test
  void labelsAreCaseInsensitive() throws SQLException {
    assertEquals(rs.getInt("I"), rs.getInt("i"));
    assertEquals(9, rs.findColumn("v"));
    assertInstanceOf(SQLException.class, assertThrows(SQLException.class, () -> rs.findColumn("missing")));
  }

  @Test
  void nullsEverywhere() throws SQLException {
    try (ResultSet n = stmt.executeQuery("SELECT CAST(NULL AS VARCHAR(5)), CAST(NULL AS DATE),"
        + " CAST(NULL AS DECIMAL(5,1)), CAST(NULL AS BOOLEAN)")) {
      assertTrue(n.next());
      assertNull(n.getString(1));
      assertTrue(n.wasNull());
      assertNull(n.getDate(2));
      assertNull(n.getBigDecimal(3));
      assertEquals(false, n.getBoolean(4));
      assertTrue(n.wasNull());
    }
  }
}
