package dev.ferrite.engine.expr;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import dev.ferrite.engine.type.Values;
import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import org.apache.calcite.avatica.util.ByteString;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexCorrelVariable;
import org.apache.calcite.rex.RexDynamicParam;
import org.apache.calcite.rex.RexFieldAccess;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * Compiles a {@link RexNode} into an {@link Expr}. SEARCH must have been expanded first.
 * Semantics: SQL three-valued logic, NULL in gives NULL out for ordinary functions, integer
 * arithmetic checked for overflow (22003), division by zero raises 22012.
 */
public final class ExprCompiler {
  private ExprCompiler() {
  }

  /** Compiles {@code node}. */
  public static Expr compile(RexNode node) {
    if (node instanceof RexInputRef) {
      int i = ((RexInputRef) node).getIndex();
      return (row, ctx) -> row[i];
    }
    if (node instanceof RexLiteral) {
      Object v = literalValue((RexLiteral) node);
      return (row, ctx) -> v;
    }
    if (node instanceof RexDynamicParam) {
      int i = ((RexDynamicParam) node).getIndex();
      return (row, ctx) -> ctx.param(i);
    }
    if (node instanceof RexFieldAccess) {
      RexFieldAccess fa = (RexFieldAccess) node;
      if (fa.getReferenceExpr() instanceof RexCorrelVariable) {
        int id = ((RexCorrelVariable) fa.getReferenceExpr()).id.getId();
        int field = fa.getField().getIndex();
        return (row, ctx) -> ctx.correlation(id)[field];
      }
    }
    if (node instanceof RexCall) {
      return compileCall((RexCall) node);
    }
    throw unsupported(node.toString());
  }

  /** The engine value of a literal. */
  public static Object literalValue(RexLiteral lit) {
    if (lit.isNull()) {
      return null;
    }
    SqlTypeName t = lit.getType().getSqlTypeName();
    switch (t) {
      case BOOLEAN:
        return lit.getValueAs(Boolean.class);
      case TINYINT:
      case SMALLINT:
      case INTEGER:
      case BIGINT:
        return lit.getValueAs(Long.class);
      case DECIMAL:
        return lit.getValueAs(BigDecimal.class);
      case REAL:
      case FLOAT:
      case DOUBLE:
        return lit.getValueAs(Double.class);
      case CHAR:
      case VARCHAR:
        return lit.getValueAs(String.class);
      case BINARY:
      case VARBINARY:
        return lit.getValueAs(ByteString.class).getBytes();
      case DATE:
        return LocalDate.parse(lit.getValueAs(DateString.class).toString());
      case TIME:
        return LocalTime.parse(lit.getValueAs(TimeString.class).toString());
      case TIMESTAMP:
        return LocalDateTime.parse(lit.getValueAs(TimestampString.class).toString().replace(' ', 'T'));
      case SYMBOL:
        return lit.getValue();
      case NULL:
        return null;
      default:
        if (t.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_DAY_TIME
            || t.getFamily() == org.apache.calcite.sql.type.SqlTypeFamily.INTERVAL_YEAR_MONTH) {
          return lit.getValueAs(BigDecimal.class);
        }
        throw unsupported("literal of type " + t);
    }
  }

  private static Expr compileCall(RexCall call) {
    List<RexNode> ops = call.getOperands();
    Expr[] args = new Expr[ops.size()];
    for (int i = 0; i < args.length; i++) {
      args[i] = compile(ops.get(i));
    }
    ColumnType type = RelTypes.toColumnType(call.getType());
    SqlKind kind = call.getKind();
    switch (kind) {
      case AND:
        return and(args);
      case OR:
        return or(args);
      case NOT:
        return (row, ctx) -> {
          Object v = args[0].eval(row, ctx);
          return v == null ? null : !(Boolean) v;
        };
      case EQUALS:
        return compare(args, c -> c == 0);
      case NOT_EQUALS:
        return compare(args, c -> c != 0);
      case LESS_THAN:
        return compare(args, c -> c < 0);
      case LESS_THAN_OR_EQUAL:
        return compare(args, c -> c <= 0);
      case GREATER_THAN:
        return compare(args, c -> c > 0);
      case GREATER_THAN_OR_EQUAL:
        return compare(args, c -> c >= 0);
      case IS_DISTINCT_FROM:
        return (row, ctx) -> !notDistinct(args[0].eval(row, ctx), args[1].eval(row, ctx));
      case IS_NOT_DISTINCT_FROM:
        return (row, ctx) -> notDistinct(args[0].eval(row, ctx), args[1].eval(row, ctx));
      case IS_NULL:
        return (row, ctx) -> args[0].eval(row, ctx) == null;
      case IS_NOT_NULL:
        return (row, ctx) -> args[0].eval(row, ctx) != null;
      case IS_TRUE:
        return (row, ctx) -> Boolean.TRUE.equals(args[0].eval(row, ctx));
      case IS_NOT_TRUE:
        return (row, ctx) -> !Boolean.TRUE.equals(args[0].eval(row, ctx));
      case IS_FALSE:
        return (row, ctx) -> Boolean.FALSE.equals(args[0].eval(row, ctx));
      case IS_NOT_FALSE:
        return (row, ctx) -> !Boolean.FALSE.equals(args[0].eval(row, ctx));
      case CASE:
        return caseExpr(args);
      case CAST:
      case REINTERPRET:
        return cast(args[0], type);
      case PLUS:
      case MINUS:
      case TIMES:
      case DIVIDE:
      case MOD:
        return Arithmetic.binary(kind, args[0], args[1], type);
      case MINUS_PREFIX:
        return Arithmetic.negate(args[0], type);
      case PLUS_PREFIX:
        return args[0];
      case COALESCE:
        return (row, ctx) -> {
          for (Expr a : args) {
            Object v = a.eval(row, ctx);
            if (v != null) {
              return Values.cast(v, type);
            }
          }
          return null;
        };
      case NULLIF:
        return (row, ctx) -> {
          Object a = args[0].eval(row, ctx);
          Object b = args[1].eval(row, ctx);
          return a != null && b != null && Values.compare(a, b) == 0 ? null : a;
        };
      case LIKE:
        return Functions.like(args, call.getOperator().getName().startsWith("NOT"));
      case LEAST:
      case GREATEST:
        boolean greatest = kind == SqlKind.GREATEST;
        return (row, ctx) -> {
          Object best = null;
          for (Expr a : args) {
            Object v = a.eval(row, ctx);
            if (v == null) {
              return null;
            }
            if (best == null || (greatest ? Values.compare(v, best) > 0 : Values.compare(v, best) < 0)) {
              best = v;
            }
          }
          return Values.cast(best, type);
        };
      default:
        return Functions.call(call.getOperator().getName(), kind, args, type, call);
    }
  }

  private static boolean notDistinct(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    return Values.compare(a, b) == 0;
  }

  private static Expr and(Expr[] args) {
    return (row, ctx) -> {
      boolean sawNull = false;
      for (Expr a : args) {
        Object v = a.eval(row, ctx);
        if (v == null) {
          sawNull = true;
        } else if (!(Boolean) v) {
          return Boolean.FALSE;
        }
      }
      return sawNull ? null : Boolean.TRUE;
    };
  }

  private static Expr or(Expr[] args) {
    return (row, ctx) -> {
      boolean sawNull = false;
      for (Expr a : args) {
        Object v = a.eval(row, ctx);
        if (v == null) {
          sawNull = true;
        } else if ((Boolean) v) {
          return Boolean.TRUE;
        }
      }
      return sawNull ? null : Boolean.FALSE;
    };
  }

  private interface IntTest {
    boolean test(int c);
  }

  private static Expr compare(Expr[] args, IntTest test) {
    Expr a = args[0];
    Expr b = args[1];
    return (row, ctx) -> {
      Object x = a.eval(row, ctx);
      if (x == null) {
        return null;
      }
      Object y = b.eval(row, ctx);
      if (y == null) {
        return null;
      }
      return test.test(Values.compare(x, y));
    };
  }

  private static Expr caseExpr(Expr[] args) {
    int pairs = (args.length - 1) / 2;
    return (row, ctx) -> {
      for (int i = 0; i < pairs; i++) {
        if (Boolean.TRUE.equals(args[2 * i].eval(row, ctx))) {
          return args[2 * i + 1].eval(row, ctx);
        }
      }
      return args[args.length - 1].eval(row, ctx);
    };
  }

  private static Expr cast(Expr arg, ColumnType type) {
    if (type.type() == SqlType.NULL) {
      return arg;
    }
    if (type.type() == SqlType.CHAR && type.precision() > 0) {
      int len = type.precision();
      return (row, ctx) -> {
        Object v = arg.eval(row, ctx);
        if (v == null) {
          return null;
        }
        String s = Values.toStringValue(v);
        if (s.length() > len) {
          // CAST to a shorter CHAR truncates, as the standard says for explicit casts.
          return s.substring(0, len);
        }
        return s;
      };
    }
    if (type.type().isCharacter() && type.precision() > 0) {
      int len = type.precision();
      return (row, ctx) -> {
        Object v = arg.eval(row, ctx);
        if (v == null) {
          return null;
        }
        String s = Values.toStringValue(v);
        return s.length() > len ? s.substring(0, len) : s;
      };
    }
    return (row, ctx) -> Values.cast(arg.eval(row, ctx), type);
  }

  static EngineException unsupported(String what) {
    return new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "not supported yet: " + what);
  }

  static final MathContext DIVISION = new MathContext(34, RoundingMode.HALF_UP);
}
