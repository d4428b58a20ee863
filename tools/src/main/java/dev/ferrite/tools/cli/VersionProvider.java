package dev.ferrite.tools.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ferrite --version}: the project version, filtered into {@code version.properties}. */
final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    Properties properties = new Properties();
    try (InputStream in = VersionProvider.class.getResourceAsStream("version.properties")) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new String[] {"ferrite " + properties.getProperty("version", "(unknown version)"),
        "Java " + System.getProperty("java.version") + " on " + System.getProperty("os.name")
            + " " + System.getProperty("os.arch")};
  }
}
