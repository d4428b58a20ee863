package dev.ferrite.sqltests.files;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/** A real foreign database file: one made by H2 (already a test dependency of this module). */
final class H2Files {
  private H2Files() {}

  /** Creates an H2 database with one table under {@code base} and returns its file's bytes. */
  static byte[] database(Path base) throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:h2:" + base);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INT PRIMARY KEY, v VARCHAR(20))");
      s.execute("INSERT INTO t VALUES (1, 'one'), (2, 'two')");
    }
    return Files.readAllBytes(Path.of(base + ".mv.db"));
  }
}
