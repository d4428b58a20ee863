package dev.ferrite.jdbc;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** DatabaseMetaData LIKE patterns. */
class NamePatternTest {
  @Test
  void percentUnderscoreAndEscape() {
    assertTrue(NamePattern.of(null).matches("ANY"));
    assertTrue(NamePattern.of("%").matches(""));
    assertTrue(NamePattern.of("ORD%").matches("ORDERS"));
    assertFalse(NamePattern.of("ORD%").matches("XORDERS"));
    assertTrue(NamePattern.of("%ERS").matches("ORDERS"));
    assertTrue(NamePattern.of("O_DERS").matches("ORDERS"));
    assertFalse(NamePattern.of("O_DERS").matches("ODERS"));
    assertTrue(NamePattern.of("A%B%C").matches("AxxBxxC"));
    assertFalse(NamePattern.of("A%B%C").matches("AxxCxxB"));
    assertTrue(NamePattern.of("MY\\_T").matches("MY_T"));
    assertFalse(NamePattern.of("MY\\_T").matches("MYXT"));
    assertFalse(NamePattern.of("orders").matches("ORDERS"));
    assertTrue(NamePattern.of("ORDERS").matches("ORDERS"));
  }
}
