package dev.ferrite.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The driver's (and database's: they ship together) version, read from {@code driver.properties},
 * which the build fills in from the project version, so it never drifts from the pom.
 */
final class DriverVersion {
  static final String VERSION;
  static final int MAJOR;
  static final int MINOR;

  static {
    String v = "0.0.0";
    try (InputStream in = DriverVersion.class.getResourceAsStream("driver.properties")) {
      if (in != null) {
        Properties p = new Properties();
        p.load(in);
        String s = p.getProperty("version");
        if (s != null && !s.startsWith("$")) {
          v = s;
        }
      }
    } catch (IOException ignored) {
      // Fall back to 0.0.0: a version is informational, never a reason not to load the driver.
    }
    VERSION = v;
    String[] parts = v.split("[.-]");
    MAJOR = parse(parts, 0);
    MINOR = parse(parts, 1);
  }

  private DriverVersion() {
  }

  private static int parse(String[] parts, int i) {
    try {
      return i < parts.length ? Integer.parseInt(parts[i]) : 0;
    } catch (NumberFormatException e) {
      return 0;
    }
  }
}
