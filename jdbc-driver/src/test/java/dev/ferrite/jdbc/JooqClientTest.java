package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.sql.Connection;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record;
import org.jooq.Result;
import org.jooq.Schema;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;

/** jOOQ over the driver: plain SQL with bind values, and its schema reader (DatabaseMetaData). */
class JooqClientTest {

  @Test
  void plainSqlAndMeta() throws Exception {
    try (Connection conn = Db.open(Db.memUrl())) {
      DSLContext ctx = DSL.using(conn);
      ctx.execute("CREATE TABLE book(id INTEGER PRIMARY KEY, title VARCHAR(100) NOT NULL,"
          + " price DECIMAL(8,2), published DATE)");
      ctx.execute("CREATE INDEX book_by_title ON book(title)");
      assertEquals(1, ctx.execute("INSERT INTO book VALUES (?, ?, ?, ?)", 1, "Dune", new BigDecimal("9.99"),
          java.sql.Date.valueOf("1965-08-01")));
      assertEquals(1, ctx.execute("INSERT INTO book VALUES (?, ?, ?, ?)", 2, "Emma", null, null));

      Result<Record> books = ctx.fetch("SELECT id, title, price, published FROM book ORDER BY id");
      assertEquals(2, books.size());
      assertEquals(1, books.get(0).get("ID", Integer.class));
      assertEquals("Dune", books.get(0).get("TITLE", String.class));
      assertEquals(new BigDecimal("9.99"), books.get(0).get("PRICE", BigDecimal.class));
      assertEquals(LocalDate.of(1965, 8, 1), books.get(0).get("PUBLISHED", LocalDate.class));
      assertEquals(null, books.get(1).get("PRICE"));
      assertEquals(2L, ctx.fetchValue("SELECT COUNT(*) FROM book WHERE id > ?", 0));
      Record one = ctx.fetchOne("SELECT title FROM book WHERE id = ?", 2);
      assertNotNull(one);
      assertEquals("Emma", one.get(0));

      List<Schema> schemas = ctx.meta().getSchemas();
      assertTrue(schemas.stream().anyMatch(s -> s.getName().equals("PUBLIC")), schemas.toString());
      List<Table<?>> tables = ctx.meta().getTables();
      Table<?> book = tables.stream().filter(t -> t.getName().equals("BOOK")).findFirst().orElseThrow();
      assertEquals(List.of("ID", "TITLE", "PRICE", "PUBLISHED"),
          java.util.Arrays.stream(book.fields()).map(Field::getName).collect(Collectors.toList()));
      assertNotNull(book.getPrimaryKey(), "jOOQ read the primary key");
      assertEquals(List.of("ID"), book.getPrimaryKey().getFields().stream().map(Field::getName)
          .collect(Collectors.toList()));
      assertTrue(book.getIndexes().stream().anyMatch(i -> i.getName().equals("BOOK_BY_TITLE")),
          book.getIndexes().toString());
      assertEquals(Integer.class, book.field("ID").getType());
      assertEquals(BigDecimal.class, book.field("PRICE").getType());
      assertTrue(!book.field("TITLE").getDataType().nullable());
    }
  }
}
