package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.engine.DatabaseOptions;
import dev.ferrite.storage.durability.Durability;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** URL parsing, option validation and driver registration; none of it needs the SQL engine. */
class ConnectionUrlTest {

  @Test
  void parsesPathAndOptions() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:ferrite:/tmp/a b/x.db;durability=page;busy_timeout=250", null);
    assertEquals("/tmp/a b/x.db", u.location());
    assertEquals(Map.of("durability", "page", "busy_timeout", "250"), u.options());
    DatabaseOptions o = u.databaseOptions();
    assertEquals(Durability.PAGE, o.durability());
    assertEquals(250, o.busyTimeoutMillis());
    assertFalse(o.readOnly());
    assertTrue(o.create());
  }

  @Test
  void parsesMemoryUrlWithReadOnlyAndCreate() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:ferrite:mem:cache;readonly=true;CREATE=false", null);
    assertEquals("mem:cache", u.location());
    assertTrue(u.databaseOptions().readOnly());
    assertFalse(u.databaseOptions().create());
  }

  @Test
  void mergesPropertiesUrlWinsAndUserPasswordAreIgnored() throws SQLException {
    Properties p = new Properties();
    p.setProperty("user", "sa");
    p.setProperty("password", "secret");
    p.setProperty("busy_timeout", "10");
    p.setProperty("durability", "none");
    ConnectionUrl u = ConnectionUrl.parse("jdbc:ferrite:mem:x;durability=page", p);
    assertEquals(Map.of("durability", "page", "busy_timeout", "10"), u.options());
    assertEquals(Durability.PAGE, u.databaseOptions().durability());
    assertEquals(10, u.databaseOptions().busyTimeoutMillis());
  }

  @Test
  void unknownOptionInUrlIsAnError() {
    SQLException e = assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:mem:x;durabilty=page", null));
    assertEquals("HY024", e.getSQLState());
    assertTrue(e.getMessage().contains("durabilty"), e.getMessage());
  }

  @Test
  void unknownOptionInPropertiesIsAnError() {
    Properties p = new Properties();
    p.setProperty("cache_size", "10");
    SQLException e = assertThrows(SQLException.class, () -> ConnectionUrl.parse("jdbc:ferrite:mem:x", p));
    assertEquals("HY024", e.getSQLState());
  }

  @Test
  void badValuesAndMalformedOptionsAreErrors() {
    assertEquals("HY024", assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:mem:x;readonly=maybe", null)).getSQLState());
    assertEquals("HY024", assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:mem:x;busy_timeout=-1", null)).getSQLState());
    assertEquals("HY024", assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:mem:x;readonly", null)).getSQLState());
    assertEquals("HY024", assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:mem:x;durability=floppy", null)).getSQLState());
  }

  @Test
  void missingLocationIsAnError() {
    assertEquals("08001", assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:", null)).getSQLState());
    assertEquals("08001", assertThrows(SQLException.class,
        () -> ConnectionUrl.parse("jdbc:ferrite:mem:;readonly=true", null)).getSQLState());
  }

  @Test
  void emptySegmentsAreTolerated() throws SQLException {
    ConnectionUrl u = ConnectionUrl.parse("jdbc:ferrite:mem:x;;readonly=true;", null);
    assertTrue(u.databaseOptions().readOnly());
  }

  @Test
  void driverManagerFindsTheDriverThroughTheServiceFile() throws SQLException {
    Driver d = DriverManager.getDriver("jdbc:ferrite:mem:anything");
    assertInstanceOf(FerriteDriver.class, d);
    assertTrue(d.acceptsURL("jdbc:ferrite:/x.db"));
    assertTrue(d.acceptsURL("JDBC:FERRITE:/x.db"));
    assertFalse(d.acceptsURL("jdbc:h2:mem:x"));
    assertFalse(d.acceptsURL(null));
    assertFalse(d.jdbcCompliant());
  }

  @Test
  void connectReturnsNullForForeignUrls() throws SQLException {
    assertNull(new FerriteDriver().connect("jdbc:postgresql://localhost/x", new Properties()));
  }

  @Test
  void connectRejectsUnknownOptionsBeforeOpeningAnything() {
    SQLException e = assertThrows(SQLException.class,
        () -> DriverManager.getConnection("jdbc:ferrite:mem:never;bogus=1"));
    assertEquals("HY024", e.getSQLState());
  }

  @Test
  void versionComesFromTheBuild() {
    FerriteDriver d = FerriteDriver.instance();
    assertFalse(DriverVersion.VERSION.equals("0.0.0"), "driver.properties was not filtered");
    assertTrue(DriverVersion.VERSION.startsWith(d.getMajorVersion() + "." + d.getMinorVersion()),
        DriverVersion.VERSION);
  }

  @Test
  void propertyInfoListsEveryOptionWithChoicesAndCurrentValues() throws SQLException {
    DriverPropertyInfo[] info = FerriteDriver.instance().getPropertyInfo("jdbc:ferrite:mem:x;readonly=true", null);
    assertEquals(Arrays.asList("durability", "readonly", "create", "busy_timeout"),
        Arrays.stream(info).map(i -> i.name).toList());
    assertEquals("true", info[1].value);
    assertEquals("auto", info[0].value);
    assertTrue(Arrays.asList(info[0].choices).containsAll(Arrays.asList("auto", "page", "none")));
    assertFalse(info[0].required);
  }

  @Test
  void dataSourceValidatesItsOptionsBeforeOpening() {
    FerriteDataSource ds = new FerriteDataSource("jdbc:ferrite:mem:ds");
    ds.setDurability("floppy");
    assertEquals("HY024", assertThrows(SQLException.class, ds::getConnection).getSQLState());
    FerriteDataSource none = new FerriteDataSource();
    assertEquals("08001", assertThrows(SQLException.class, none::getConnection).getSQLState());
  }

  @Test
  void dataSourceSettersBecomeOptionsAndUrlWins() throws SQLException {
    FerriteDataSource ds = new FerriteDataSource("jdbc:ferrite:mem:ds;busy_timeout=7");
    ds.setBusyTimeout(99);
    ds.setReadOnly(true);
    ds.setUser("ignored");
    ds.setPassword("ignored");
    ConnectionUrl u = ConnectionUrl.parse(ds.getUrl(), ds.properties());
    assertEquals(7, u.databaseOptions().busyTimeoutMillis());
    assertTrue(u.databaseOptions().readOnly());
  }
}
