package dev.ferrite.sqltests.differential;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparison rules the campaign relies on: what counts as the same value and the same rows. */
class ValuesTest {
  @Test void exactNumbersOfOneScaleMustBeEqual() {
    assertTrue(Values.same(Values.normalize(5), new BigDecimal("5")));
    assertTrue(Values.same(Values.normalize(5L), Values.normalize(5)));
    assertFalse(Values.same(new BigDecimal("1.25"), new BigDecimal("1.26")));
    assertFalse(Values.same(Values.normalize(9_007_199_254_740_993L), Values.normalize(9_007_199_254_740_992L)));
  }

  @Test void exactNumbersOfDifferentScalesMatchWithinTheCoarserOnesLastDigit() {
    // Ferrite's AVG of DECIMAL(10,2) keeps scale 2, H2's has more digits.
    assertTrue(Values.same(new BigDecimal("66666666.66"), new BigDecimal("66666666.656666666667")));
    assertTrue(Values.same(new BigDecimal("5"), new BigDecimal("5.0000000000")));
    assertFalse(Values.same(new BigDecimal("66666666.64"), new BigDecimal("66666666.656666666667")));
  }

  @Test void approximateNumbersMatchWithinATolerance() {
    assertTrue(Values.same(-0.0, 0.0));
    assertTrue(Values.same(0.30000000000000004, new BigDecimal("0.3")));
    assertFalse(Values.same(0.3, 0.31));
    assertFalse(Values.same(1.0, null));
    assertTrue(Values.same(null, null));
  }

  @Test void rowsCompareAsMultisetsUnlessOrdered() {
    List<List<Object>> a = List.of(row(1, "x"), row(2, null), row(1, "x"));
    List<List<Object>> b = List.of(row(2, null), row(1, "x"), row(1, "x"));
    assertNull(ResultComparison.difference(a, b, false));
    assertTrue(ResultComparison.difference(a, b, true).startsWith("row 1 differs"));
    assertTrue(ResultComparison.difference(a, List.of(row(2, null), row(1, "x")), false).startsWith("row counts differ"));
    assertTrue(ResultComparison.difference(List.of(row(1, "x")), List.of(row(1, "y")), false).startsWith("rows differ"));
  }

  @Test void errorTemplatesBlankWhatVariesBetweenOccurrences() {
    Outcome a = Outcome.failure("XX000", "internal error: java.lang.IndexOutOfBoundsException: Index: 2, Size: 1");
    Outcome b = Outcome.failure("XX000", "internal error: java.lang.IndexOutOfBoundsException: Index: 3, Size: 2");
    assertEquals(a.error(), b.error());
    assertEquals(Outcome.failure("22018", "cannot compare Boolean with Long").error(),
        Outcome.failure("22018", "cannot compare BigDecimal with LocalDate").error());
    assertEquals("42000 Column '…' not found …", Outcome.failure("42000", "Column 'C1' not found (line 1, column 8)\nmore").error());
  }

  private static List<Object> row(Object... values) {
    return Arrays.stream(values).map(Values::normalize).toList();
  }
}
