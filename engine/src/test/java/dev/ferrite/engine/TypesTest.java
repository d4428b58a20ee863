package dev.ferrite.engine;

import static dev.ferrite.engine.EngineFixture.error;
import static dev.ferrite.engine.EngineFixture.rows;
import static dev.ferrite.engine.EngineFixture.update;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every column type round-trips through a file, sorts in SQL order through an index, and handles NULL. */
class TypesTest {
  @TempDir Path dir;

  @Test void everyTypeRoundTripsThroughTheFile() {
    String ddl = "CREATE TABLE v(id INTEGER PRIMARY KEY, b BOOLEAN, ti TINYINT, si SMALLINT, i INTEGER, bi BIGINT,"
        + " d DECIMAL(12,3), r REAL, f DOUBLE, c CHAR(3), vc VARCHAR(20), cl CLOB, bn BINARY(2), vb VARBINARY(8),"
        + " bl BLOB, dt DATE, tm TIME, ts TIMESTAMP)";
    Object[] row = {1L, true, (long) -5, 300L, 70000L, 1L << 40, new BigDecimal("12345.678"), 1.5, 2.25, "abc",
        "hello", "long text", new byte[] {1, 2}, new byte[] {0, 9, 8}, new byte[] {7}, LocalDate.of(2026, 11, 25),
        LocalTime.of(13, 14, 15), LocalDateTime.of(2026, 11, 25, 13, 14, 15, 123456789)};
    try (Database db = Database.open(dir.resolve("t.db").toString(), DatabaseOptions.defaults());
        Session s = db.openSession()) {
      update(s, ddl);
      update(s, "INSERT INTO v VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", row);
      update(s, "INSERT INTO v(id) VALUES (2)");
    }
    try (Database db = Database.open(dir.resolve("t.db").toString(), DatabaseOptions.defaults());
        Session s = db.openSession()) {
      try (RowCursor c = s.execute("SELECT * FROM v ORDER BY id").rows()) {
        c.next();
        for (int i = 0; i < row.length; i++) {
          if (row[i] instanceof byte[]) {
            assertArrayEquals((byte[]) row[i], (byte[]) c.get(i), "column " + i);
          } else {
            assertEquals(row[i], c.get(i), "column " + i);
          }
        }
        c.next();
        for (int i = 1; i < row.length; i++) {
          assertEquals(null, c.get(i));
        }
      }
      // A scan decodes only the columns its query reads, skipping the others' bytes: every
      // column read alone (and next to the last one) still comes back whole, after an added column.
      update(s, "ALTER TABLE v ADD COLUMN extra INTEGER DEFAULT 7");
      String[] names = {"id", "b", "ti", "si", "i", "bi", "d", "r", "f", "c", "vc", "cl", "bn", "vb", "bl", "dt", "tm",
          "ts"};
      for (int i = 0; i < names.length; i++) {
        try (RowCursor c = s.execute("SELECT " + names[i] + ", extra FROM v WHERE id = 1").rows()) {
          c.next();
          if (row[i] instanceof byte[]) {
            assertArrayEquals((byte[]) row[i], (byte[]) c.get(0), names[i]);
          } else {
            assertEquals(row[i], c.get(0), names[i]);
          }
          assertEquals(7L, ((Number) c.get(1)).longValue(), names[i]);
        }
        assertEquals(List.of(i == 0 ? "2" : "null"), rows(s, "SELECT " + names[i] + " FROM v WHERE extra = 7 AND id = 2"));
      }
      assertEquals("22003", error(s, "INSERT INTO v(id, ti) VALUES (3, 300)"));
      assertEquals("22018", error(s, "INSERT INTO v(id, i) VALUES (3, 'x')"));
    }
  }

  @Test void fractionsOfSecondsSurviveLiteralsAndCasts() {
    try (Database db = Database.open("mem:types-fraction", DatabaseOptions.defaults()); Session s = db.openSession()) {
      update(s, "CREATE TABLE f(id INTEGER PRIMARY KEY, t TIMESTAMP, tm TIME)");
      update(s, "INSERT INTO f VALUES (1, TIMESTAMP '2024-01-02 03:04:05.123', TIME '01:02:03.5')");
      assertEquals(List.of("2024-01-02T03:04:05.123,01:02:03.500,2024-01-02T03:04:05.500"),
          rows(s, "SELECT t, tm, CAST('2024-01-02 03:04:05.5' AS TIMESTAMP) FROM f"));
      assertEquals(List.of("1"), rows(s, "SELECT id FROM f WHERE t = TIMESTAMP '2024-01-02 03:04:05.123'"));
    }
  }

  @Test void indexOrderIsSqlOrderForEveryKeyType() {
    try (Database db = Database.open("mem:types-order", DatabaseOptions.defaults()); Session s = db.openSession()) {
      update(s, "CREATE TABLE k(id INTEGER PRIMARY KEY, i BIGINT, d DECIMAL(10,2), f DOUBLE, v VARCHAR(10), dt DATE)");
      Object[][] data = {
          {1, -5L, new BigDecimal("-1.50"), -0.5, "b", LocalDate.of(2020, 1, 1)},
          {2, 7L, new BigDecimal("10.00"), 1e10, "a\u0000", LocalDate.of(1969, 12, 31)},
          {3, null, new BigDecimal("0.00"), 0.0, "", null},
          {4, Long.MIN_VALUE, new BigDecimal("2.25"), -1e-3, "ab", LocalDate.of(2100, 5, 5)},
          {5, 0L, new BigDecimal("-100.00"), Double.MAX_VALUE, "a", LocalDate.of(1, 1, 1)}};
      for (Object[] r : data) {
        update(s, "INSERT INTO k VALUES (?, ?, ?, ?, ?, ?)", r);
      }
      for (String col : new String[] {"i", "d", "f", "v", "dt"}) {
        List<String> scanned = rows(s, "SELECT id FROM k ORDER BY " + col + ", id");
        update(s, "CREATE INDEX k_" + col + " ON k(" + col + ")");
        List<String> indexed = rows(s, "SELECT id FROM k WHERE " + col + " IS NOT NULL OR " + col + " IS NULL ORDER BY " + col);
        String plan = String.join(" ", rows(s, "EXPLAIN SELECT id FROM k ORDER BY " + col));
        assertEquals(scanned, indexed, col + " via " + plan);
        update(s, "CREATE INDEX k_" + col + "_desc ON k(" + col + " DESC)");
        List<String> desc = rows(s, "SELECT id FROM k ORDER BY " + col + " DESC, id DESC");
        List<String> reversed = new java.util.ArrayList<>(scanned);
        java.util.Collections.reverse(reversed);
        assertEquals(reversed, desc, col + " descending");
        assertEquals(rows(s, "SELECT COUNT(*) FROM k WHERE " + col + " > (SELECT MIN(" + col + ") FROM k)"),
            List.of(String.valueOf(rows(s, "SELECT " + col + " FROM k WHERE " + col + " IS NOT NULL").size() - 1)));
      }
    }
  }
}
