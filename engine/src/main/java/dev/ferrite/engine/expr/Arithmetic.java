package dev.ferrite.engine.expr;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import dev.ferrite.engine.type.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import org.apache.calcite.sql.SqlKind;

/**
 * +, -, *, /, MOD and unary minus, evaluated in the result type Calcite derived: exact integer
 * arithmetic with overflow checks, BigDecimal for DECIMAL, doubles for approximate types, and
 * date/time plus or minus an interval.
 */
final class Arithmetic {
  private Arithmetic() {
  }

  /** A function of two non-null values. */
  private interface NonNull {
    Object apply(Object x, Object y);
  }

  /** NULL if either operand is NULL, else {@code f} of both (the right one is not evaluated after a NULL). */
  private static Expr strict(Expr a, Expr b, NonNull f) {
    return (row, ctx) -> {
      Object x = a.eval(row, ctx);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, ctx);
      return y == null ? null : f.apply(x, y);
    };
  }

  static Expr binary(SqlKind kind, Expr a, Expr b, ColumnType type) {
    SqlType t = type.type();
    if (t.isInteger()) {
      return strict(a, b, (x, y) -> Values.cast(integer(kind, Values.toLong(x), Values.toLong(y)), type));
    }
    if (t == SqlType.DECIMAL) {
      return strict(a, b, (x, y) -> {
        BigDecimal r = decimal(kind, Values.toBigDecimal(x), Values.toBigDecimal(y));
        return type.precision() > 0 && kind == SqlKind.DIVIDE ? r.setScale(type.scale(), RoundingMode.HALF_UP) : r;
      });
    }
    if (t == SqlType.DOUBLE || t == SqlType.REAL) {
      return strict(a, b, (x, y) -> approximate(kind, Values.toDouble(x), Values.toDouble(y)));
    }
    if (t == SqlType.DATE || t == SqlType.TIMESTAMP || t == SqlType.TIME) {
      return (row, ctx) -> {
        Object x = a.eval(row, ctx);
        Object y = b.eval(row, ctx);
        if (x == null || y == null) {
          return null;
        }
        if (x instanceof BigDecimal) {
          Object swap = x;
          x = y;
          y = swap;
        }
        return plusInterval(x, (BigDecimal) y, kind == SqlKind.MINUS);
      };
    }
    throw ExprCompiler.unsupported(kind + " on " + type.sqlName());
  }

  /**
   * Date-time plus a Calcite interval value: year-month intervals arrive as months, day-time
   * intervals as milliseconds. Small values (below one day in ms) are ambiguous only in theory;
   * Calcite uses months for YEAR/MONTH units, which we tell apart by the scale of the value.
   */
  private static Object plusInterval(Object dt, BigDecimal interval, boolean minus) {
    long v = interval.longValue();
    if (minus) {
      v = -v;
    }
    if (dt instanceof LocalDate) {
      return ((LocalDate) dt).plusDays(v / 86_400_000L);
    }
    if (dt instanceof LocalDateTime) {
      return ((LocalDateTime) dt).plusNanos(v * 1_000_000L);
    }
    return ((LocalTime) dt).plusNanos(v * 1_000_000L);
  }

  static Expr negate(Expr a, ColumnType type) {
    return (row, ctx) -> {
      Object x = a.eval(row, ctx);
      if (x == null) {
        return null;
      }
      if (x instanceof Long) {
        long v = (Long) x;
        if (v == Long.MIN_VALUE) {
          throw overflow();
        }
        return Values.cast(-v, type);
      }
      if (x instanceof BigDecimal) {
        return ((BigDecimal) x).negate();
      }
      return -Values.toDouble(x);
    };
  }

  private static long integer(SqlKind kind, long x, long y) {
    try {
      switch (kind) {
        case PLUS: return Math.addExact(x, y);
        case MINUS: return Math.subtractExact(x, y);
        case TIMES: return Math.multiplyExact(x, y);
        case DIVIDE:
          if (y == 0) {
            throw divisionByZero();
          }
          if (x == Long.MIN_VALUE && y == -1) {
            throw overflow();
          }
          return x / y;
        case MOD:
          if (y == 0) {
            throw divisionByZero();
          }
          return x % y;
        default: throw new IllegalStateException(kind.toString());
      }
    } catch (ArithmeticException e) {
      throw overflow();
    }
  }

  private static BigDecimal decimal(SqlKind kind, BigDecimal x, BigDecimal y) {
    switch (kind) {
      case PLUS: return x.add(y);
      case MINUS: return x.subtract(y);
      case TIMES: return x.multiply(y);
      case DIVIDE:
        if (y.signum() == 0) {
          throw divisionByZero();
        }
        return x.divide(y, ExprCompiler.DIVISION);
      case MOD:
        if (y.signum() == 0) {
          throw divisionByZero();
        }
        return x.remainder(y);
      default: throw new IllegalStateException(kind.toString());
    }
  }

  private static double approximate(SqlKind kind, double x, double y) {
    switch (kind) {
      case PLUS: return x + y;
      case MINUS: return x - y;
      case TIMES: return x * y;
      case DIVIDE:
        if (y == 0) {
          throw divisionByZero();
        }
        return x / y;
      case MOD:
        if (y == 0) {
          throw divisionByZero();
        }
        return x % y;
      default: throw new IllegalStateException(kind.toString());
    }
  }

  static EngineException divisionByZero() {
    return new EngineException(SqlStates.DIVISION_BY_ZERO, "division by zero");
  }

  static EngineException overflow() {
    return new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE, "numeric overflow");
  }
}
