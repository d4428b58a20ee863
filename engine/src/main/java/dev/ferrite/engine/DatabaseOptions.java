package dev.ferrite.engine;

import dev.ferrite.storage.durability.Durability;
import java.util.Locale;
import java.util.Map;

/**
 * How to open a database. Immutable; {@code with*} methods return copies. {@link #parse} reads
 * the {@code key=value} options of a JDBC URL and rejects unknown keys.
 */
public final class DatabaseOptions {
  private final Durability durability;
  private final boolean readOnly;
  private final boolean create;
  private final long busyTimeoutMillis;

  private DatabaseOptions(Durability durability, boolean readOnly, boolean create, long busyTimeoutMillis) {
    this.durability = durability;
    this.readOnly = readOnly;
    this.create = create;
    this.busyTimeoutMillis = busyTimeoutMillis;
  }

  /** Durability {@code auto}, read-write, create if missing, 5 s busy timeout. */
  public static DatabaseOptions defaults() {
    return new DatabaseOptions(Durability.AUTO, false, true, 5000);
  }

  /**
   * Options from {@code key=value} pairs: {@code durability} (auto, page, msync, dax, fence,
   * none), {@code readonly} (true/false), {@code create} (true/false), {@code busy_timeout}
   * (milliseconds). Keys are case-insensitive.
   *
   * @throws EngineException with SQLSTATE {@link SqlStates#INVALID_OPTION} for an unknown key or a bad value
   */
  public static DatabaseOptions parse(Map<String, String> options) {
    DatabaseOptions o = defaults();
    for (Map.Entry<String, String> e : options.entrySet()) {
      String key = e.getKey().trim().toLowerCase(Locale.ROOT);
      String value = e.getValue().trim();
      try {
        switch (key) {
          case "durability":
            o = o.withDurability(Durability.parse(value));
            break;
          case "readonly":
          case "read_only":
            o = o.withReadOnly(parseBoolean(key, value));
            break;
          case "create":
            o = o.withCreate(parseBoolean(key, value));
            break;
          case "busy_timeout":
            o = o.withBusyTimeoutMillis(Long.parseLong(value));
            break;
          default:
            throw new EngineException(SqlStates.INVALID_OPTION, "unknown option '" + e.getKey()
                + "'; known options: durability, readonly, create, busy_timeout");
        }
      } catch (IllegalArgumentException ex) {
        throw new EngineException(SqlStates.INVALID_OPTION,
            "bad value for option '" + key + "': " + ex.getMessage(), ex);
      }
    }
    return o;
  }

  private static boolean parseBoolean(String key, String value) {
    if (value.equalsIgnoreCase("true")) {
      return true;
    }
    if (value.equalsIgnoreCase("false")) {
      return false;
    }
    throw new IllegalArgumentException("expected true or false, got '" + value + "'");
  }

  public Durability durability() {
    return durability;
  }

  public boolean readOnly() {
    return readOnly;
  }

  public boolean create() {
    return create;
  }

  public long busyTimeoutMillis() {
    return busyTimeoutMillis;
  }

  public DatabaseOptions withDurability(Durability value) {
    return new DatabaseOptions(value, readOnly, create, busyTimeoutMillis);
  }

  public DatabaseOptions withReadOnly(boolean value) {
    return new DatabaseOptions(durability, value, create, busyTimeoutMillis);
  }

  public DatabaseOptions withCreate(boolean value) {
    return new DatabaseOptions(durability, readOnly, value, busyTimeoutMillis);
  }

  public DatabaseOptions withBusyTimeoutMillis(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("busy timeout must be >= 0");
    }
    return new DatabaseOptions(durability, readOnly, create, value);
  }
}
