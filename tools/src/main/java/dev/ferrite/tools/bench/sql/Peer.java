package dev.ferrite.tools.bench.sql;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A database under test and how to connect to it. In-memory peers are compared with Ferrite's
 * {@code mem:} database (no sync anywhere); file peers with a Ferrite file under {@code dir}.
 */
public enum Peer {
  FERRITE("jdbc:ferrite:mem:bench-%d"),
  H2("jdbc:h2:mem:bench-%d;DB_CLOSE_DELAY=-1"),
  SQLITE("jdbc:sqlite:file:bench-%d?mode=memory&cache=shared"),
  HSQLDB("jdbc:hsqldb:mem:bench-%d");

  private final String urlPattern;
  private static int counter;

  Peer(String urlPattern) {
    this.urlPattern = urlPattern;
  }

  /** A connection to a fresh, empty in-memory database of this peer. */
  public synchronized Connection openFresh() throws SQLException {
    return DriverManager.getConnection(String.format(urlPattern, ++counter));
  }

  /** Lower-case name, as used in JMH parameters and reports. */
  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  /** Parses a JMH parameter value. */
  public static Peer of(String label) {
    return valueOf(label.toUpperCase(java.util.Locale.ROOT));
  }

  /** Deletes a directory tree (benchmark scratch space). */
  static void deleteTree(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
