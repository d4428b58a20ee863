package dev.ferrite.jdbc;

import dev.ferrite.engine.Database;
import dev.ferrite.engine.DatabaseOptions;
import dev.ferrite.engine.Session;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.DriverManager;
import java.sql.DriverPropertyInfo;
import java.sql.SQLException;
import java.util.Properties;
import java.util.logging.Logger;

/**
 * The {@code jdbc:ferrite:} driver. Registered with DriverManager when loaded (through
 * {@code META-INF/services/java.sql.Driver}, so no {@code Class.forName} is needed).
 *
 * <p>URLs: {@code jdbc:ferrite:/path/to/file.db} or {@code jdbc:ferrite:mem:name}, then
 * {@code ;key=value} options, which may also be given as connection properties:
 * <ul>
 *   <li>{@code durability} — auto (default), page, msync, dax, fence, none;</li>
 *   <li>{@code readonly} — true to open the database read-only;</li>
 *   <li>{@code create} — false to fail when the file does not exist;</li>
 *   <li>{@code busy_timeout} — milliseconds a writer waits for another (default 5000).</li>
 * </ul>
 * {@code user} and {@code password} are accepted and ignored; other keys are errors (HY024).
 * Not JDBC compliant in the strict sense ({@link #jdbcCompliant()} is false): Ferrite's SQL is
 * not full SQL-92 entry level with stored procedures.
 */
public final class FerriteDriver implements Driver {
  private static final FerriteDriver INSTANCE = new FerriteDriver();

  static {
    try {
      DriverManager.registerDriver(INSTANCE);
    } catch (SQLException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  /** Public for ServiceLoader and tools; all instances behave the same. */
  public FerriteDriver() {
  }

  /** The registered instance. */
  public static FerriteDriver instance() {
    return INSTANCE;
  }

  /** Returns null for a URL of another driver, as DriverManager expects. */
  @Override
  public Connection connect(String url, Properties info) throws SQLException {
    if (!acceptsURL(url)) {
      return null;
    }
    ConnectionUrl parsed = ConnectionUrl.parse(url, info);
    return open(url, parsed.location(), parsed.databaseOptions());
  }

  static FerriteConnection open(String url, String location, DatabaseOptions options) throws SQLException {
    Database db;
    try {
      db = Database.open(location, options);
    } catch (RuntimeException e) {
      throw SqlExceptions.from(e);
    }
    try {
      Session session = db.openSession();
      return new FerriteConnection(url, db, session);
    } catch (RuntimeException e) {
      try {
        db.close();
      } catch (RuntimeException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw SqlExceptions.from(e);
    }
  }

  @Override
  public boolean acceptsURL(String url) {
    return ConnectionUrl.accepts(url);
  }

  @Override
  public DriverPropertyInfo[] getPropertyInfo(String url, Properties info) throws SQLException {
    Properties merged = new Properties();
    if (info != null) {
      merged.putAll(info);
    }
    java.util.Map<String, String> given = acceptsURL(url)
        ? ConnectionUrl.parse(url, merged).options() : java.util.Map.of();
    return new DriverPropertyInfo[] {
        property("durability", given, "auto", "where a commit becomes durable",
            "auto", "page", "msync", "dax", "fence", "none"),
        property("readonly", given, "false", "open the database read-only", "true", "false"),
        property("create", given, "true", "create the database file when it does not exist", "true", "false"),
        property("busy_timeout", given, "5000", "milliseconds a writer waits for another writer"),
    };
  }

  private static DriverPropertyInfo property(String name, java.util.Map<String, String> given, String dflt,
      String description, String... choices) {
    DriverPropertyInfo p = new DriverPropertyInfo(name, given.getOrDefault(name, dflt));
    p.description = description + " (default " + dflt + ")";
    p.required = false;
    p.choices = choices.length == 0 ? null : choices;
    return p;
  }

  @Override
  public int getMajorVersion() {
    return DriverVersion.MAJOR;
  }

  @Override
  public int getMinorVersion() {
    return DriverVersion.MINOR;
  }

  @Override
  public boolean jdbcCompliant() {
    return false;
  }

  @Override
  public Logger getParentLogger() {
    return Logger.getLogger("dev.ferrite.jdbc");
  }
}
