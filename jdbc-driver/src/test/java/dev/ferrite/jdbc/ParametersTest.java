package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.sql.Date;
import java.sql.SQLException;
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
import java.util.Calendar;
import java.util.TimeZone;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What the PreparedStatement setters hand the engine. */
class ParametersTest {
  @Test
  void plainObjectsBecomeEngineValues() throws SQLException {
    assertEquals(5L, Parameters.fromObject(5));
    assertEquals(5L, Parameters.fromObject((short) 5));
    assertEquals(new BigDecimal("123456789012345678901234567890"),
        Parameters.fromObject(new BigInteger("123456789012345678901234567890")));
    assertEquals("x", Parameters.fromObject('x'));
    UUID u = UUID.randomUUID();
    assertEquals(u.toString(), Parameters.fromObject(u));
    byte[] b = {1, 2};
    Object copy = Parameters.fromObject(b);
    assertArrayEquals(b, (byte[]) copy);
    assertNotSame(b, copy);
    assertEquals(LocalDate.of(2020, 1, 2), Parameters.fromObject(Date.valueOf("2020-01-02")));
    assertEquals(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6),
        Parameters.fromObject(Timestamp.valueOf(LocalDateTime.of(2020, 1, 2, 3, 4, 5, 6))));
    assertEquals("abc", Parameters.fromObject(new StringReader("abc")));
    assertArrayEquals(new byte[] {9}, (byte[]) Parameters.fromObject(new ByteArrayInputStream(new byte[] {9})));
    assertThrows(SQLException.class, () -> Parameters.fromObject(new Object()));
  }

  @Test
  void timeKeepsMilliseconds() {
    Time t = new Time(LocalDate.EPOCH.atTime(10, 11, 12, 345_000_000).atZone(ZoneId.systemDefault())
        .toInstant().toEpochMilli());
    assertEquals(LocalTime.of(10, 11, 12, 345_000_000), Parameters.timeOf(t, null));
  }

  @Test
  void calendarsChooseTheZone() {
    Calendar utc = Calendar.getInstance(TimeZone.getTimeZone("UTC"));
    Instant instant = Instant.parse("2021-06-30T23:30:00Z");
    assertEquals(LocalDate.of(2021, 6, 30), Parameters.dateOf(new Date(instant.toEpochMilli()), utc));
    Calendar tokyo = Calendar.getInstance(TimeZone.getTimeZone("Asia/Tokyo"));
    assertEquals(LocalDate.of(2021, 7, 1), Parameters.dateOf(new Date(instant.toEpochMilli()), tokyo));
    Timestamp ts = Timestamp.from(instant);
    ts.setNanos(123_456_789);
    assertEquals(LocalDateTime.of(2021, 7, 1, 8, 30, 0, 123_456_789), Parameters.timestampOf(ts, tokyo));
  }

  @Test
  void zonedJavaTimeValuesUseTheDefaultZone() throws SQLException {
    OffsetDateTime odt = OffsetDateTime.of(2022, 3, 4, 5, 6, 7, 0, ZoneOffset.ofHours(3));
    assertEquals(LocalDateTime.ofInstant(odt.toInstant(), ZoneId.systemDefault()), Parameters.fromObject(odt));
  }

  @Test
  void targetTypesConvertFirst() throws SQLException {
    assertEquals(12L, Parameters.fromObject("12", Types.INTEGER, Integer.MIN_VALUE));
    assertEquals(new BigDecimal("1.24"), Parameters.fromObject(1.235, Types.DECIMAL, 2));
    assertEquals("7", Parameters.fromObject(7L, Types.VARCHAR, Integer.MIN_VALUE));
    assertEquals(true, Parameters.fromObject("true", Types.BOOLEAN, Integer.MIN_VALUE));
    assertEquals(LocalDate.of(2020, 5, 6), Parameters.fromObject("2020-05-06", Types.DATE, Integer.MIN_VALUE));
    assertEquals(LocalDateTime.of(2020, 5, 6, 7, 8, 9),
        Parameters.fromObject("2020-05-06 07:08:09", Types.TIMESTAMP, Integer.MIN_VALUE));
    assertEquals("22003", assertThrows(SQLException.class,
        () -> Parameters.fromObject(70000, Types.SMALLINT, Integer.MIN_VALUE)).getSQLState());
    assertEquals("22018", assertThrows(SQLException.class,
        () -> Parameters.fromObject("x1", Types.BIGINT, Integer.MIN_VALUE)).getSQLState());
    assertEquals(null, Parameters.fromObject(null, Types.INTEGER, Integer.MIN_VALUE));
  }
}
