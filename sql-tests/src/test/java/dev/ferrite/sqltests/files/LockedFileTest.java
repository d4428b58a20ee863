package dev.ferrite.sqltests.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A database file another store holds is refused through the driver with 08001 (LOCKED). */
class LockedFileTest {
  @TempDir
  Path dir;

  @Test
  void fileHeldByAnotherStoreIsRefusedWith08001() {
    Path file = dir.resolve("held.db");
    try (Store holder = Store.open(file, StoreOptions.defaults())) {
      SQLException e = assertThrows(SQLException.class,
          () -> DriverManager.getConnection(SampleDatabase.url(file)).close());
      assertEquals("08001", e.getSQLState(), e.getMessage());
      assertTrue(e.getMessage().contains("already open"), e.getMessage());
    }
  }
}
