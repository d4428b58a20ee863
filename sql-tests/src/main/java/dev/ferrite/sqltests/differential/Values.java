package dev.ferrite.sqltests.differential;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Comparator;
import java.util.List;

/**
 * Values as the comparison sees them, and when two are the same. JDBC types differ between the
 * engines for the same SQL value (INTEGER vs BIGINT for CHAR_LENGTH, DOUBLE vs DECFLOAT for a
 * SUM of doubles, DECIMAL scales after AVG), so numbers are compared by value, not by class.
 */
final class Values {
  /** Relative tolerance when either side is approximate: generous for DOUBLE, tight enough to see wrong rows. */
  private static final double RELATIVE = 1e-9;

  /** Rows in a canonical order: NULL first, then numbers, strings, booleans, dates, each by value. */
  static final Comparator<List<Object>> ROW_ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = compare(a.get(i), b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  private Values() {
  }

  /** Exact numbers become BigDecimal, approximate ones Double, dates LocalDate; the rest stays. */
  static Object normalize(Object o) {
    if (o instanceof Integer || o instanceof Long || o instanceof Short || o instanceof Byte) {
      return BigDecimal.valueOf(((Number) o).longValue());
    }
    if (o instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    if (o instanceof Float f) {
      return f.doubleValue();
    }
    if (o instanceof java.sql.Date d) {
      return d.toLocalDate();
    }
    return o;
  }

  /**
   * Whether two normalized values are the same SQL value. Approximate numbers match within a
   * relative tolerance (and -0.0 matches 0.0). Exact numbers of different scales, such as an AVG
   * or quotient one engine rounds to fewer digits, match if they differ by less than one unit of
   * the less precise one's last digit; of equal scale they must be equal.
   */
  static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof Number x && b instanceof Number y) {
      if (x instanceof Double || y instanceof Double) {
        double dx = x.doubleValue();
        double dy = y.doubleValue();
        return dx == dy || Math.abs(dx - dy) <= RELATIVE * Math.max(Math.abs(dx), Math.abs(dy));
      }
      BigDecimal bx = (BigDecimal) x;
      BigDecimal by = (BigDecimal) y;
      int scale = Math.max(0, Math.min(bx.scale(), by.scale()));
      return bx.subtract(by).abs().compareTo(BigDecimal.ONE.movePointLeft(scale)) < 0
          && (bx.scale() != by.scale() || bx.compareTo(by) == 0);
    }
    return a.equals(b);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static int compare(Object a, Object b) {
    if (a == null || b == null) {
      return a == null ? (b == null ? 0 : -1) : 1;
    }
    int ra = rank(a);
    int rb = rank(b);
    if (ra != rb) {
      return Integer.compare(ra, rb);
    }
    if (a instanceof Number x) {
      double dx = x.doubleValue();
      double dy = ((Number) b).doubleValue();
      return dx < dy ? -1 : dx > dy ? 1 : 0;
    }
    return a instanceof Comparable c && a.getClass() == b.getClass() ? c.compareTo(b) : a.toString().compareTo(b.toString());
  }

  private static int rank(Object o) {
    if (o instanceof Number) {
      return 0;
    }
    if (o instanceof String) {
      return 1;
    }
    return o instanceof Boolean ? 2 : 3;
  }
}
