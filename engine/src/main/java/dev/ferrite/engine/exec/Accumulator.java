package dev.ferrite.engine.exec;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import dev.ferrite.engine.type.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.HashSet;
import java.util.Set;

/** The running state of one aggregate function for one group. */
abstract class Accumulator {
  abstract void add(Object v);

  abstract Object result();

  /** Creates the accumulator for {@code function} producing {@code type}. */
  static Accumulator create(AggregateSpec spec) {
    Accumulator a = plain(spec);
    return spec.distinct ? new Distinct(a) : a;
  }

  private static Accumulator plain(AggregateSpec spec) {
    switch (spec.function) {
      case COUNT:
        return new Count();
      case SUM:
        return new Sum(spec.type, false);
      case SUM0:
        return new Sum(spec.type, true);
      case AVG:
        return new Avg(spec.type);
      case MIN:
        return new MinMax(false);
      case MAX:
        return new MinMax(true);
      case SINGLE_VALUE:
        return new Single();
      case ANY_VALUE:
        return new AnyValue();
      case BOOL_AND:
        return new Bool(true);
      case BOOL_OR:
        return new Bool(false);
      case LITERAL:
        return new Constant(spec.literal);
      default:
        throw new IllegalStateException(spec.function.toString());
    }
  }

  /** COUNT(*) receives a non-null marker per row; COUNT(x) skips NULLs. */
  static final class Count extends Accumulator {
    long n;

    @Override void add(Object v) {
      if (v != null) {
        n++;
      }
    }

    @Override Object result() {
      return n;
    }
  }

  static final class Sum extends Accumulator {
    final ColumnType type;
    final boolean zeroIfEmpty;
    long longSum;
    BigDecimal decimalSum;
    double doubleSum;
    boolean any;

    Sum(ColumnType type, boolean zeroIfEmpty) {
      this.type = type;
      this.zeroIfEmpty = zeroIfEmpty;
    }

    @Override void add(Object v) {
      if (v == null) {
        return;
      }
      any = true;
      SqlType t = type.type();
      if (t.isInteger()) {
        try {
          longSum = Math.addExact(longSum, Values.toLong(v));
        } catch (ArithmeticException e) {
          throw new EngineException(SqlStates.NUMERIC_OUT_OF_RANGE, "SUM overflow");
        }
      } else if (t == SqlType.DECIMAL) {
        BigDecimal d = Values.toBigDecimal(v);
        decimalSum = decimalSum == null ? d : decimalSum.add(d);
      } else {
        doubleSum += Values.toDouble(v);
      }
    }

    @Override Object result() {
      if (!any) {
        return zeroIfEmpty ? Values.cast(0L, type) : null;
      }
      SqlType t = type.type();
      if (t.isInteger()) {
        return Values.cast(longSum, type);
      }
      return t == SqlType.DECIMAL ? decimalSum : (Object) doubleSum;
    }
  }

  static final class Avg extends Accumulator {
    final ColumnType type;
    BigDecimal sum = BigDecimal.ZERO;
    double doubleSum;
    long count;

    Avg(ColumnType type) {
      this.type = type;
    }

    @Override void add(Object v) {
      if (v == null) {
        return;
      }
      count++;
      if (v instanceof Double) {
        doubleSum += (Double) v;
      } else {
        sum = sum.add(Values.toBigDecimal(v));
      }
    }

    @Override Object result() {
      if (count == 0) {
        return null;
      }
      BigDecimal total = sum.add(BigDecimal.valueOf(doubleSum));
      if (type.type() == SqlType.DOUBLE || type.type() == SqlType.REAL) {
        return (sum.doubleValue() + doubleSum) / count;
      }
      BigDecimal avg = total.divide(BigDecimal.valueOf(count), MathContext.DECIMAL128);
      if (type.type() == SqlType.DECIMAL) {
        return type.precision() > 0 ? avg.setScale(type.scale(), RoundingMode.HALF_UP) : avg;
      }
      return Values.cast(avg.setScale(0, RoundingMode.DOWN), type);
    }
  }

  static final class MinMax extends Accumulator {
    final boolean max;
    Object best;

    MinMax(boolean max) {
      this.max = max;
    }

    @Override void add(Object v) {
      if (v == null) {
        return;
      }
      if (best == null || (max ? Values.compare(v, best) > 0 : Values.compare(v, best) < 0)) {
        best = v;
      }
    }

    @Override Object result() {
      return best;
    }
  }

  /** The value of a scalar subquery: more than one row is an error (21000). */
  static final class Single extends Accumulator {
    Object value;
    boolean seen;

    @Override void add(Object v) {
      if (seen) {
        throw new EngineException("21000", "scalar subquery returned more than one row");
      }
      seen = true;
      value = v;
    }

    @Override Object result() {
      return value;
    }
  }

  static final class AnyValue extends Accumulator {
    Object value;

    @Override void add(Object v) {
      if (value == null) {
        value = v;
      }
    }

    @Override Object result() {
      return value;
    }
  }

  static final class Bool extends Accumulator {
    final boolean and;
    Boolean value;

    Bool(boolean and) {
      this.and = and;
    }

    @Override void add(Object v) {
      if (v == null) {
        return;
      }
      boolean b = (Boolean) v;
      value = value == null ? b : (and ? value && b : value || b);
    }

    @Override Object result() {
      return value;
    }
  }

  /** LITERAL_AGG: the same constant for every group that exists. */
  static final class Constant extends Accumulator {
    final Object value;

    Constant(Object value) {
      this.value = value;
    }

    @Override void add(Object v) {
    }

    @Override Object result() {
      return value;
    }
  }

  static final class Distinct extends Accumulator {
    final Accumulator inner;
    final Set<RowKey> seen = new HashSet<>();

    Distinct(Accumulator inner) {
      this.inner = inner;
    }

    @Override void add(Object v) {
      if (v != null && seen.add(new RowKey(new Object[] {v}))) {
        inner.add(v);
      }
    }

    @Override Object result() {
      return inner.result();
    }
  }
}
