package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.catalog.TriggerStatement;
import dev.ferrite.engine.catalog.ViewDef;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import java.sql.DatabaseMetaData;
import java.sql.Types;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metadata rows computed from a catalog built with the engine's own catalog classes (as DDL
 * would leave it): order, patterns, types filter, and the values of every column.
 */
class CatalogQueriesTest {
  private static final Catalog CATALOG = catalog();

  private static Catalog catalog() {
    List<ColumnDef> orderCols = List.of(
        new ColumnDef("ID", new ColumnType(SqlType.INTEGER, 0, 0), false, null, null, true),
        new ColumnDef("CUSTOMER", new ColumnType(SqlType.VARCHAR, 40, 0), false, null, null, false),
        new ColumnDef("TOTAL", new ColumnType(SqlType.DECIMAL, 10, 2), true, "0", new java.math.BigDecimal("0"), false),
        new ColumnDef("PLACED", ColumnType.of(SqlType.TIMESTAMP), true, null, null, false));
    IndexDef pk = new IndexDef("PK_ORDERS", "ORDERS", true, true, new int[] {0}, new boolean[] {false}, "t.orders");
    IndexDef byCustomer = new IndexDef("ORDERS_BY_CUSTOMER", "ORDERS", false, false, new int[] {1, 3},
        new boolean[] {false, true}, "i.1");
    IndexDef uniq = new IndexDef("ORDERS_UQ", "ORDERS", true, false, new int[] {1, 0},
        new boolean[] {false, false}, "i.2");
    TableDef orders = new TableDef(1, "ORDERS", orderCols, pk, List.of(byCustomer, uniq), "t.orders");
    TableDef log = new TableDef(2, "LOG", List.of(
        new ColumnDef("MSG", ColumnType.of(SqlType.CLOB), true, null, null, false)), null, List.of(), "t.log");
    TableDef under = new TableDef(3, "MY_T", List.of(
        new ColumnDef("X", ColumnType.of(SqlType.BIGINT), true, null, null, false)), null, List.of(), "t.my");
    TableDef underLookalike = new TableDef(4, "MYXT", List.of(
        new ColumnDef("X", ColumnType.of(SqlType.BIGINT), true, null, null, false)), null, List.of(), "t.myx");
    // A trigger is no table: metadata must not list it (tablesAreOrderedByTypeThenNameAndFiltered).
    TriggerDef audit = new TriggerDef(6, "ORDERS_AUDIT", "ORDERS", TriggerDef.Timing.AFTER, TriggerDef.Event.INSERT,
        List.of(), null, List.of(new TriggerStatement("INSERT INTO LOG VALUES (CAST(? AS INTEGER))",
            List.of(new TriggerStatement.RowReference(true, "ID")))),
        "CREATE TRIGGER orders_audit AFTER INSERT ON orders BEGIN INSERT INTO log VALUES (NEW.id); END");
    return new Catalog(5, Map.of("ORDERS", orders, "LOG", log, "MY_T", under, "MYXT", underLookalike),
        Map.of("BIG_ORDERS", new ViewDef("BIG_ORDERS", "SELECT ID, TOTAL FROM ORDERS WHERE TOTAL > 100", List.of())),
        Map.of("ORDERS_AUDIT", audit));
  }

  private static final List<ColumnMetadata> VIEW_COLUMNS = List.of(
      new ColumnMetadata("ID", "ID", "PUBLIC", "ORDERS", ColumnType.of(SqlType.INTEGER), false, false),
      new ColumnMetadata("TOTAL", "TOTAL", "PUBLIC", "ORDERS", new ColumnType(SqlType.DECIMAL, 10, 2), true, false));

  private final CatalogQueries q = new CatalogQueries(CATALOG, v -> v.equals("BIG_ORDERS") ? VIEW_COLUMNS : List.of());

  private static List<String> column(List<Object[]> rows, int i) {
    return rows.stream().map(r -> (String) r[i]).toList();
  }

  @Test
  void tablesAreOrderedByTypeThenNameAndFiltered() {
    assertEquals(List.of("LOG", "MYXT", "MY_T", "ORDERS", "BIG_ORDERS"), column(q.tables(null, null, null, null), 2));
    assertEquals(List.of("TABLE", "TABLE", "TABLE", "TABLE", "VIEW"), column(q.tables(null, null, "%", null), 3));
    assertEquals(List.of("BIG_ORDERS"), column(q.tables(null, "PUBLIC", "%", new String[] {"VIEW"}), 2));
    assertEquals(List.of("ORDERS"), column(q.tables("", "PUB%", "ORD%", new String[] {"TABLE"}), 2));
    assertEquals(List.of("MYXT", "MY_T"), column(q.tables(null, null, "MY_T", null), 2));
    assertEquals(List.of("MY_T"), column(q.tables(null, null, "MY\\_T", null), 2));
    assertTrue(q.tables(null, "OTHER", "%", null).isEmpty());
    assertTrue(q.tables("SOMECAT", null, "%", null).isEmpty());
    assertTrue(q.tables(null, null, "%", new String[] {"SYSTEM TABLE"}).isEmpty());
    Object[] row = q.tables(null, null, "ORDERS", null).get(0);
    assertEquals(10, row.length);
    assertEquals(null, row[0]);
    assertEquals("PUBLIC", row[1]);
  }

  @Test
  void columnsCarryAllTwentyFourStandardValues() {
    List<Object[]> rows = q.columns(null, null, "ORDERS", null);
    assertEquals(List.of("ID", "CUSTOMER", "TOTAL", "PLACED"), column(rows, 3));
    Object[] id = rows.get(0);
    assertEquals(24, id.length);
    assertArrayEquals(new Object[] {null, "PUBLIC", "ORDERS", "ID", (long) Types.INTEGER, "INTEGER", 10L, null,
        0L, 10L, (long) DatabaseMetaData.columnNoNulls, null, null, null, null, null, 1L, "NO", null, null, null,
        null, "YES", "NO"}, id);
    Object[] customer = rows.get(1);
    assertEquals((long) Types.VARCHAR, customer[4]);
    assertEquals(40L, customer[6]);
    assertEquals(null, customer[8]);
    assertEquals(160L, customer[15]);
    assertEquals("NO", customer[22]);
    Object[] total = rows.get(2);
    assertEquals(10L, total[6]);
    assertEquals(2L, total[8]);
    assertEquals("0", total[12]);
    assertEquals("YES", total[17]);
    assertEquals(3L, total[16]);
    assertEquals((long) Types.TIMESTAMP, rows.get(3)[4]);
  }

  @Test
  void columnsOfViewsComeFromTheirQueryAndInterleaveByName() {
    List<Object[]> rows = q.columns(null, null, "%ORDERS", "%");
    assertEquals(List.of("BIG_ORDERS", "BIG_ORDERS", "ORDERS", "ORDERS", "ORDERS", "ORDERS"), column(rows, 2));
    assertEquals((long) Types.DECIMAL, rows.get(1)[4]);
    assertEquals(2L, rows.get(1)[16]);
    assertEquals(List.of("TOTAL"), column(q.columns(null, null, "BIG_ORDERS", "TOT%"), 3));
  }

  @Test
  void primaryKeysAndIndexes() {
    List<Object[]> pk = q.primaryKeys(null, null, "ORDERS");
    assertEquals(1, pk.size());
    assertArrayEquals(new Object[] {null, "PUBLIC", "ORDERS", "ID", 1L, "PK_ORDERS"}, pk.get(0));
    assertTrue(q.primaryKeys(null, null, "LOG").isEmpty());

    List<Object[]> ix = q.indexInfo(null, null, "ORDERS", false);
    // Unique first (NON_UNIQUE false), clustered primary key before other unique indexes.
    assertEquals(List.of("PK_ORDERS", "ORDERS_UQ", "ORDERS_UQ", "ORDERS_BY_CUSTOMER", "ORDERS_BY_CUSTOMER"),
        column(ix, 5));
    assertEquals(List.of("ID", "CUSTOMER", "ID", "CUSTOMER", "PLACED"), column(ix, 8));
    assertEquals(List.of("A", "A", "A", "A", "D"), column(ix, 9));
    assertEquals(false, ix.get(0)[3]);
    assertEquals(true, ix.get(4)[3]);
    assertEquals((long) DatabaseMetaData.tableIndexClustered, ix.get(0)[6]);
    assertEquals((long) DatabaseMetaData.tableIndexOther, ix.get(1)[6]);
    assertEquals(2L, ix.get(4)[7]);
    assertEquals(13, ix.get(0).length);
    assertEquals(3, q.indexInfo(null, null, "ORDERS", true).size());
    assertTrue(q.indexInfo(null, null, "NOPE", false).isEmpty());

    List<Object[]> best = q.bestRowIdentifier(null, null, "ORDERS");
    assertEquals(List.of("ID"), column(best, 1));
  }
}
