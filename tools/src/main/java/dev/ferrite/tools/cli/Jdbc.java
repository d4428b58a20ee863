package dev.ferrite.tools.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the commands reach a database: always through the {@code jdbc:ferrite:} driver, with
 * {@code DB} (a path or {@code mem:NAME}) and options turned into a URL.
 */
public final class Jdbc {
  private Jdbc() {}

  /** {@code jdbc:ferrite:<database>;key=value...}. */
  public static String url(String database, Map<String, String> options) {
    if (database.indexOf(';') >= 0) {
      // The driver splits the URL on ';': such a path would silently name another file.
      throw new CommandFailure("database path must not contain ';': " + database);
    }
    StringBuilder url = new StringBuilder("jdbc:ferrite:").append(database);
    options.forEach((key, value) -> url.append(';').append(key).append('=').append(value));
    return url.toString();
  }

  /** Opens (creating it if missing, unless the options say otherwise) {@code database}. */
  public static Connection open(String database, Map<String, String> options) throws SQLException {
    return DriverManager.getConnection(url(database, options));
  }

  /**
   * Opens a database that must already exist: a command that reads one should never leave an
   * empty new file behind because of a typo. {@code defaults} (such as {@code readonly=true})
   * yield to the user's {@code options}.
   */
  public static Connection openExisting(String database, Map<String, String> defaults,
      Map<String, String> options) throws SQLException {
    requireExisting(database);
    Map<String, String> merged = new LinkedHashMap<>(defaults);
    merged.put("create", "false");
    merged.putAll(options);
    return open(database, merged);
  }

  /** Fails with a plain message unless {@code database} is in memory or an existing file. */
  public static void requireExisting(String database) {
    if (!isMemory(database) && !Files.isRegularFile(Path.of(database))) {
      throw new CommandFailure(Files.isDirectory(Path.of(database))
          ? database + " is a directory, not a database file" : "no database at " + database);
    }
  }

  /** Fails unless {@code database} is an existing file: what the storage-level commands read. */
  public static void requireFile(String database) {
    if (isMemory(database)) {
      throw new CommandFailure(database + " is an in-memory database, which lives only inside the"
          + " process that opened it; this command needs a database file");
    }
    requireExisting(database);
  }

  /** Whether {@code database} names an in-memory database ({@code mem:NAME}). */
  public static boolean isMemory(String database) {
    return database.startsWith("mem:");
  }
}
