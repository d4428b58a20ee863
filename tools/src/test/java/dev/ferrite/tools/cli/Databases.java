package dev.ferrite.tools.cli;

import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.page.FileHeaderLayout;
import dev.ferrite.storage.page.PageLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

/** Real database files for the admin command tests: filled, and damaged on purpose. */
final class Databases {
  private Databases() {}

  /** A table of {@code rows} rows with a secondary index, all in one transaction, and a view. */
  static void fill(Path db, int rows) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:ferrite:" + db)) {
      try (Statement s = c.createStatement()) {
        s.execute("CREATE TABLE readings (id INTEGER PRIMARY KEY, sensor VARCHAR(40) NOT NULL,"
            + " reading DOUBLE)");
        s.execute("CREATE INDEX readings_sensor ON readings (sensor)");
        s.execute("CREATE VIEW hot AS SELECT id FROM readings WHERE reading > 90");
      }
      c.setAutoCommit(false);
      try (PreparedStatement insert =
          c.prepareStatement("INSERT INTO readings VALUES (?, ?, ?)")) {
        for (int i = 0; i < rows; i++) {
          insert.setInt(1, i);
          insert.setString(2, "sensor-" + (i % 97) + "-with-a-longer-name");
          insert.setDouble(3, i % 100);
          insert.addBatch();
        }
        insert.executeBatch();
      }
      c.commit();
    }
  }

  /** Pages in use in the newest commit. */
  static long pagesInUse(Path db) {
    try (Store store = Store.open(db, StoreOptions.defaults().withReadOnly(true))) {
      return store.pageCount();
    }
  }

  /** A page in the middle of the data pages: past the commit log ring, below the high-water mark. */
  static long middleDataPage(Path db) throws IOException {
    ByteBuffer header = ByteBuffer.allocate(FileHeaderLayout.LOG_PAGES + Integer.BYTES);
    try (FileChannel file = FileChannel.open(db, StandardOpenOption.READ)) {
      file.read(header, 0);
    }
    long first = PageLayout.FIRST_DATA_PAGE + header.getInt(FileHeaderLayout.LOG_PAGES);
    return (first + pagesInUse(db)) / 2;
  }

  /** Overwrites 16 bytes in the middle of page {@code page}: damage no checksum can miss. */
  static void damagePage(Path db, long page) throws IOException {
    try (FileChannel file = FileChannel.open(db, StandardOpenOption.WRITE)) {
      byte[] junk = new byte[16];
      Arrays.fill(junk, (byte) 0x5a);
      file.write(ByteBuffer.wrap(junk), page * 4096 + 2000);
    }
  }
}
