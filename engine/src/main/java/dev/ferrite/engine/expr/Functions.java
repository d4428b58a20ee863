package dev.ferrite.engine.expr;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.Locale;
import java.util.regex.Pattern;
import org.apache.calcite.avatica.util.TimeUnitRange;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.fun.SqlTrimFunction;

/** Built-in scalar functions by name. Each returns NULL when an argument is NULL, unless noted. */
final class Functions {
  private Functions() {
  }

  /** A function of one value, applied when the value is not null. */
  private interface Unary {
    Object apply(Object v);
  }

  private static Expr unary(Expr a, Unary f) {
    return (row, ctx) -> {
      Object v = a.eval(row, ctx);
      return v == null ? null : f.apply(v);
    };
  }

  static Expr call(String name, SqlKind kind, Expr[] args, ColumnType type, RexCall call) {
    switch (name.toUpperCase(Locale.ROOT)) {
      case "UPPER":
        return unary(args[0], v -> Values.toStringValue(v).toUpperCase(Locale.ROOT));
      case "LOWER":
        return unary(args[0], v -> Values.toStringValue(v).toLowerCase(Locale.ROOT));
      case "CHAR_LENGTH":
      case "CHARACTER_LENGTH":
      case "LENGTH":
        return unary(args[0], v -> {
          String s = Values.toStringValue(v);
          return (long) s.codePointCount(0, s.length());
        });
      case "||":
      case "CONCAT":
        return (row, ctx) -> {
          StringBuilder sb = new StringBuilder();
          for (Expr a : args) {
            Object v = a.eval(row, ctx);
            if (v == null) {
              return null;
            }
            sb.append(Values.toStringValue(v));
          }
          return sb.toString();
        };
      case "SUBSTRING":
      case "SUBSTR":
        return substring(args);
      case "TRIM":
        return trim(args, call);
      case "POSITION":
        return (row, ctx) -> {
          Object needle = args[0].eval(row, ctx);
          Object hay = args[1].eval(row, ctx);
          if (needle == null || hay == null) {
            return null;
          }
          return (long) Values.toStringValue(hay).indexOf(Values.toStringValue(needle)) + 1;
        };
      case "REPLACE":
        return (row, ctx) -> {
          Object s = args[0].eval(row, ctx);
          Object from = args[1].eval(row, ctx);
          Object to = args[2].eval(row, ctx);
          if (s == null || from == null || to == null) {
            return null;
          }
          return Values.toStringValue(s).replace(Values.toStringValue(from), Values.toStringValue(to));
        };
      case "ABS":
        return unary(args[0], v -> v instanceof Long ? (Object) Math.abs((Long) v)
            : v instanceof BigDecimal ? ((BigDecimal) v).abs() : (Object) Math.abs(Values.toDouble(v)));
      case "SIGN":
        return unary(args[0], v -> Values.cast((long) Integer.signum(Values.compare(v, 0L)), type));
      case "MOD":
        return Arithmetic.binary(SqlKind.MOD, args[0], args[1], type);
      case "POWER":
        return binaryDouble(args, Math::pow);
      case "SQRT":
        return unary(args[0], v -> Math.sqrt(Values.toDouble(v)));
      case "EXP":
        return unary(args[0], v -> Math.exp(Values.toDouble(v)));
      case "LN":
        return unary(args[0], v -> Math.log(Values.toDouble(v)));
      case "LOG10":
        return unary(args[0], v -> Math.log10(Values.toDouble(v)));
      case "FLOOR":
      case "CEIL":
      case "CEILING":
        boolean floor = name.equalsIgnoreCase("FLOOR");
        return unary(args[0], v -> {
          if (v instanceof Long) {
            return v;
          }
          if (v instanceof BigDecimal) {
            return Values.cast(((BigDecimal) v).setScale(0, floor ? RoundingMode.FLOOR : RoundingMode.CEILING), type);
          }
          double d = Values.toDouble(v);
          return Values.cast(floor ? Math.floor(d) : Math.ceil(d), type);
        });
      case "ROUND":
      case "TRUNCATE":
        return round(args, type, name.equalsIgnoreCase("ROUND"));
      case "CURRENT_DATE":
        return (row, ctx) -> LocalDate.now();
      case "CURRENT_TIME":
      case "LOCALTIME":
        return (row, ctx) -> LocalTime.now().withNano(0);
      case "CURRENT_TIMESTAMP":
      case "LOCALTIMESTAMP":
        return (row, ctx) -> LocalDateTime.now();
      case "EXTRACT":
        return extract(args);
      case "IFNULL":
      case "NVL":
        return (row, ctx) -> {
          Object v = args[0].eval(row, ctx);
          return Values.cast(v != null ? v : args[1].eval(row, ctx), type);
        };
      case "STORAGE_CLASS":
        return (row, ctx) -> storageClass(args[0].eval(row, ctx));
      default:
        throw ExprCompiler.unsupported("function " + name);
    }
  }

  /**
   * The rank of a value's SQLite storage class (plan.StorageClass): numbers 0, text 1, binary
   * strings 2, NULL stays NULL.
   */
  private static Object storageClass(Object v) {
    if (v == null) {
      return null;
    }
    return v instanceof byte[] ? 2L : v instanceof Number || v instanceof Boolean ? 0L : 1L;
  }

  private interface DoubleOp {
    double apply(double a, double b);
  }

  private static Expr binaryDouble(Expr[] args, DoubleOp op) {
    return (row, ctx) -> {
      Object a = args[0].eval(row, ctx);
      Object b = args[1].eval(row, ctx);
      if (a == null || b == null) {
        return null;
      }
      return op.apply(Values.toDouble(a), Values.toDouble(b));
    };
  }

  private static Expr substring(Expr[] args) {
    return (row, ctx) -> {
      Object s = args[0].eval(row, ctx);
      Object from = args[1].eval(row, ctx);
      Object len = args.length > 2 ? args[2].eval(row, ctx) : null;
      if (s == null || from == null || (args.length > 2 && len == null)) {
        return null;
      }
      String str = Values.toStringValue(s);
      int[] cps = str.codePoints().toArray();
      long start = Values.toLong(from);
      long end = args.length > 2 ? start + Values.toLong(len) : Long.MAX_VALUE;
      if (args.length > 2 && Values.toLong(len) < 0) {
        throw new EngineException(SqlStates.DATA_EXCEPTION, "negative substring length");
      }
      int b = (int) Math.max(1, start);
      int e = (int) Math.min(cps.length + 1L, end);
      if (e <= b) {
        return "";
      }
      return new String(cps, b - 1, e - b);
    };
  }

  private static Expr trim(Expr[] args, RexCall call) {
    SqlTrimFunction.Flag flag = (SqlTrimFunction.Flag) ((RexLiteral) call.getOperands().get(0)).getValue();
    boolean leading = flag != SqlTrimFunction.Flag.TRAILING;
    boolean trailing = flag != SqlTrimFunction.Flag.LEADING;
    return (row, ctx) -> {
      Object chars = args[1].eval(row, ctx);
      Object s = args[2].eval(row, ctx);
      if (chars == null || s == null) {
        return null;
      }
      String str = Values.toStringValue(s);
      String set = Values.toStringValue(chars);
      int b = 0;
      int e = str.length();
      while (leading && b < e && set.indexOf(str.charAt(b)) >= 0) {
        b++;
      }
      while (trailing && e > b && set.indexOf(str.charAt(e - 1)) >= 0) {
        e--;
      }
      return str.substring(b, e);
    };
  }

  private static Expr round(Expr[] args, ColumnType type, boolean round) {
    return (row, ctx) -> {
      Object v = args[0].eval(row, ctx);
      Object d = args.length > 1 ? args[1].eval(row, ctx) : 0L;
      if (v == null || d == null) {
        return null;
      }
      int digits = (int) Values.toLong(d);
      RoundingMode mode = round ? RoundingMode.HALF_UP : RoundingMode.DOWN;
      if (v instanceof Double) {
        return Values.toBigDecimal(v).setScale(digits, mode).doubleValue();
      }
      BigDecimal r = Values.toBigDecimal(v).setScale(digits, mode);
      return v instanceof Long ? (Object) Values.toLong(r) : Values.cast(r, type);
    };
  }

  private static Expr extract(Expr[] args) {
    return (row, ctx) -> {
      TimeUnitRange unit = (TimeUnitRange) args[0].eval(row, ctx);
      Object v = args[1].eval(row, ctx);
      if (v == null) {
        return null;
      }
      LocalDateTime t = v instanceof LocalDate ? ((LocalDate) v).atStartOfDay()
          : v instanceof LocalTime ? ((LocalTime) v).atDate(LocalDate.EPOCH) : (LocalDateTime) v;
      switch (unit) {
        case YEAR: return (long) t.getYear();
        case MONTH: return (long) t.getMonthValue();
        case DAY: return (long) t.getDayOfMonth();
        case HOUR: return (long) t.getHour();
        case MINUTE: return (long) t.getMinute();
        case SECOND: return (long) t.getSecond();
        case DOW: return (long) (t.getDayOfWeek().getValue() % 7 + 1);
        case DOY: return (long) t.getDayOfYear();
        case QUARTER: return (long) ((t.getMonthValue() + 2) / 3);
        default: throw ExprCompiler.unsupported("EXTRACT(" + unit + ")");
      }
    };
  }

  static Expr like(Expr[] args, boolean negated) {
    // The pattern is nearly always the same for every row (a literal or a parameter): keep the
    // last one compiled. Plans are shared between threads, so the pair is swapped as one object.
    java.util.concurrent.atomic.AtomicReference<Object[]> last = new java.util.concurrent.atomic.AtomicReference<>();
    return (row, ctx) -> {
      Object s = args[0].eval(row, ctx);
      Object p = args[1].eval(row, ctx);
      Object esc = args.length > 2 ? args[2].eval(row, ctx) : null;
      if (s == null || p == null || (args.length > 2 && esc == null)) {
        return null;
      }
      String pattern = Values.toStringValue(p);
      String escape = esc == null ? null : Values.toStringValue(esc);
      Object[] cached = last.get();
      Pattern compiled;
      if (cached != null && cached[0].equals(pattern) && java.util.Objects.equals(cached[1], escape)) {
        compiled = (Pattern) cached[2];
      } else {
        compiled = likePattern(pattern, escape);
        last.set(new Object[] {pattern, escape, compiled});
      }
      return negated != compiled.matcher(Values.toStringValue(s)).matches();
    };
  }

  /** Translates a LIKE pattern to a regular expression ({@code %} any run, {@code _} one character). */
  static Pattern likePattern(String pattern, String escape) {
    StringBuilder re = new StringBuilder();
    char esc = escape == null || escape.isEmpty() ? 0 : escape.charAt(0);
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (esc != 0 && c == esc && i + 1 < pattern.length()) {
        re.append(Pattern.quote(String.valueOf(pattern.charAt(++i))));
      } else if (c == '%') {
        re.append(".*");
      } else if (c == '_') {
        re.append('.');
      } else {
        re.append(Pattern.quote(String.valueOf(c)));
      }
    }
    return Pattern.compile(re.toString(), Pattern.DOTALL);
  }
}
