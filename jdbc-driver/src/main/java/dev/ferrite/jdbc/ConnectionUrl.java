package dev.ferrite.jdbc;

import dev.ferrite.engine.DatabaseOptions;
import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

/**
 * A parsed {@code jdbc:ferrite:} URL: {@code jdbc:ferrite:<path>} or {@code
 * jdbc:ferrite:mem:<name>}, followed by {@code ;key=value} options. Options may also come from
 * the {@code Properties} given to {@code connect}; a key in the URL wins over the same key
 * there. The standard {@code user} and {@code password} properties are ignored (Ferrite has no
 * users); any other unknown option fails (SQLSTATE HY024) rather than being silently ignored, so
 * a misspelt {@code durabilty=page} is noticed.
 */
final class ConnectionUrl {
  static final String PREFIX = "jdbc:ferrite:";

  private final String location;
  private final Map<String, String> options;

  private ConnectionUrl(String location, Map<String, String> options) {
    this.location = location;
    this.options = options;
  }

  static boolean accepts(String url) {
    return url != null && url.regionMatches(true, 0, PREFIX, 0, PREFIX.length());
  }

  /** Parses {@code url} and merges {@code info}; options are checked, not yet applied. */
  static ConnectionUrl parse(String url, Properties info) throws SQLException {
    if (!accepts(url)) {
      throw new SQLException("not a Ferrite URL (expected " + PREFIX + "<path> or " + PREFIX + "mem:<name>): "
          + url, SqlStates.CANNOT_CONNECT);
    }
    String rest = url.substring(PREFIX.length());
    String[] parts = rest.split(";", -1);
    String location = parts[0].trim();
    if (location.isEmpty() || location.equalsIgnoreCase("mem:")) {
      throw new SQLException("the URL names no database: " + url, SqlStates.CANNOT_CONNECT);
    }
    Map<String, String> options = new LinkedHashMap<>();
    if (info != null) {
      for (String key : info.stringPropertyNames()) {
        String k = key.trim().toLowerCase(Locale.ROOT);
        if (!k.equals("user") && !k.equals("password")) {
          options.put(k, info.getProperty(key));
        }
      }
    }
    for (int i = 1; i < parts.length; i++) {
      String part = parts[i].trim();
      if (part.isEmpty()) {
        continue;
      }
      int eq = part.indexOf('=');
      if (eq <= 0) {
        throw new SQLException("bad option '" + part + "' in " + url + ": expected key=value",
            SqlStates.INVALID_OPTION);
      }
      String k = part.substring(0, eq).trim().toLowerCase(Locale.ROOT);
      if (!k.equals("user") && !k.equals("password")) {
        options.put(k, part.substring(eq + 1).trim());
      }
    }
    ConnectionUrl parsed = new ConnectionUrl(location, options);
    parsed.databaseOptions();
    return parsed;
  }

  /** The file path or {@code mem:NAME} given to {@code Database.open}. */
  String location() {
    return location;
  }

  /** The options, keys lower case, URL over Properties. */
  Map<String, String> options() {
    return options;
  }

  /** The engine's options; unknown keys and bad values fail with SQLSTATE HY024. */
  DatabaseOptions databaseOptions() throws SQLException {
    try {
      return DatabaseOptions.parse(options);
    } catch (EngineException e) {
      throw SqlExceptions.from(e);
    }
  }
}
