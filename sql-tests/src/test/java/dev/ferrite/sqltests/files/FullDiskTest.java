package dev.ferrite.sqltests.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that really fills up, through the driver: a clean SQLException with SQLSTATE 58030
 * naming the cause, every acknowledged row kept, a file that verify finds healthy, and writes
 * that work again once there is room. Needs root to mount (CI has it); skipped elsewhere.
 */
class FullDiskTest {
  /** Rows are about 1 KiB, so a few megabytes fill up within a few thousand statements. */
  private static final String PAYLOAD = "x".repeat(1000);
  private static final String IO_ERROR = "58030";

  @TempDir
  Path dir;

  private final Mounts mounts = new Mounts();

  @AfterEach
  void unmount() {
    mounts.close();
  }

  /** Growing the file fails with ENOSPC: a plain I/O error, and the database goes on. */
  @Test
  void fullFileSystemIsA58030AndLosesNoAcknowledgedRow() throws Exception {
    Path mount = dir.resolve("small");
    // A new database is about 5 MiB (4 of them its commit log ring); its first growth overflows 6m.
    mounts.tmpfs(mount, "6m");
    Path file = mount.resolve("x.db");
    int acknowledged;
    try (Connection c = DriverManager.getConnection(SampleDatabase.url(file))) {
      createTable(c);
      acknowledged = fill(c, 0);
      assertEquals(acknowledged, count(c), "readers see exactly the acknowledged rows");
      mounts.resize(mount, "32m");
      assertEquals(10, insert(c, acknowledged, 10), "with room again, inserts succeed");
    }
    assertEquals(List.of(), StoreCheck.problems(file));
    try (Connection c = DriverManager.getConnection(SampleDatabase.url(file))) {
      assertEquals(acknowledged + 10, count(c));
    }
  }

  /**
   * The disk fills in the middle of an explicit transaction, then space is freed and the
   * application commits: the failed statement may have left its B-tree change half done, so the
   * commit must not make any of it durable (it did, before write transactions were marked failed:
   * the file then failed verify with a wrong entry count and a leaked page).
   */
  @Test
  void fullFileSystemInsideATransactionCommitsNothingHalfDone() throws Exception {
    Path mount = dir.resolve("small");
    // A new database is about 5 MiB (4 of them its commit log ring); its first growth overflows 6m.
    mounts.tmpfs(mount, "6m");
    Path file = mount.resolve("x.db");
    try (Connection c = DriverManager.getConnection(SampleDatabase.url(file))) {
      createTable(c);
      assertEquals(100, insert(c, 0, 100));
      c.setAutoCommit(false);
      int inTransaction = fill(c, 100);
      mounts.resize(mount, "32m");
      try {
        c.commit();
      } catch (SQLException e) {
        // The store refuses the failed transaction (58030), or the session already rolled it
        // back because the failed statement could not be undone, and says so (40000).
        assertTrue(e.getSQLState().equals(IO_ERROR) || e.getSQLState().equals("40000"), e.getMessage());
      }
      c.setAutoCommit(true);
      long rows = count(c);
      assertTrue(rows == 100 || rows == 100 + inTransaction, "rows after the commit: " + rows);
    }
    assertEquals(List.of(), StoreCheck.problems(file));
  }

  /**
   * Write-back fails under a committed page cache (a thin-provisioned disk): fdatasync reports
   * it, the store panics and refuses writes until reopened, and after the administrator adds
   * room and remounts, every acknowledged row is there.
   */
  @Test
  void failedSyncIsStickyUntilReopenedAndLosesNoAcknowledgedRow() throws Exception {
    // Room for a new database (about 5 MiB with its commit log ring), not for its first growth.
    Mounts.ThinDisk disk = mounts.thinExt4(dir.resolve("thin"), "8m");
    Path file = disk.mount().resolve("x.db");
    int acknowledged;
    try (Connection c = DriverManager.getConnection(SampleDatabase.url(file))) {
      createTable(c);
      acknowledged = fill(c, 0);
      SQLException refused = assertThrows(SQLException.class, () -> insert(c, 1_000_000, 1));
      assertEquals(IO_ERROR, refused.getSQLState());
      assertTrue(refused.getMessage().contains("refuses writes"), refused.getMessage());
      assertEquals(acknowledged, count(c), "reads go on after the panic");
    }
    mounts.recover(disk, "128m");
    assertEquals(List.of(), StoreCheck.problems(file));
    try (Connection c = DriverManager.getConnection(SampleDatabase.url(file))) {
      long rows = count(c);
      assertTrue(rows == acknowledged || rows == acknowledged + 1,
          acknowledged + " rows were acknowledged, " + rows + " found after reopening");
      assertEquals(10, insert(c, 2_000_000, 10), "writes work again after reopening");
    }
  }

  private static void createTable(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("CREATE TABLE t(id INTEGER PRIMARY KEY, payload VARCHAR(1000))");
    }
  }

  /**
   * Inserts rows from {@code firstId} until the disk is full; checks that the failure is 58030
   * naming the device error, and returns how many rows were inserted before it.
   */
  private static int fill(Connection c, int firstId) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int i = 0; i < 100_000; i++) {
        insert.setInt(1, firstId + i);
        insert.setString(2, PAYLOAD);
        try {
          insert.executeUpdate();
        } catch (SQLException e) {
          assertEquals(IO_ERROR, e.getSQLState(), e.getMessage());
          assertTrue(e.getMessage().contains("No space left on device")
              || e.getMessage().contains("Input/output error"), e.getMessage());
          return i;
        }
      }
    }
    return fail("the disk never filled up");
  }

  private static int insert(Connection c, int firstId, int rows) throws SQLException {
    try (PreparedStatement insert = c.prepareStatement("INSERT INTO t VALUES (?, ?)")) {
      for (int i = 0; i < rows; i++) {
        insert.setInt(1, firstId + i);
        insert.setString(2, PAYLOAD);
        insert.executeUpdate();
      }
    }
    return rows;
  }

  private static long count(Connection c) throws SQLException {
    return Long.parseLong(SampleDatabase.rows(c, "SELECT COUNT(*) FROM t").get(0)
        .replace("|", ""));
  }
}
