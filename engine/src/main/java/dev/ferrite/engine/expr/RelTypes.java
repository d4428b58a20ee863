package dev.ferrite.engine.expr;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.type.SqlTypeName;

/** Translation between Calcite's types and ours. */
public final class RelTypes {
  private RelTypes() {
  }

  /** Our column type for a Calcite type. */
  public static ColumnType toColumnType(RelDataType t) {
    SqlTypeName n = t.getSqlTypeName();
    int p = t.getPrecision() == RelDataType.PRECISION_NOT_SPECIFIED ? 0 : t.getPrecision();
    switch (n) {
      case BOOLEAN: return ColumnType.of(SqlType.BOOLEAN);
      case TINYINT: return ColumnType.of(SqlType.TINYINT);
      case SMALLINT: return ColumnType.of(SqlType.SMALLINT);
      case INTEGER: return ColumnType.of(SqlType.INTEGER);
      case BIGINT: return ColumnType.of(SqlType.BIGINT);
      case DECIMAL: return new ColumnType(SqlType.DECIMAL, p, Math.max(0, t.getScale()));
      case REAL: return ColumnType.of(SqlType.REAL);
      case FLOAT:
      case DOUBLE: return ColumnType.of(SqlType.DOUBLE);
      case CHAR: return new ColumnType(SqlType.CHAR, p, 0);
      case VARCHAR: return new ColumnType(SqlType.VARCHAR, p, 0);
      case BINARY: return new ColumnType(SqlType.BINARY, p, 0);
      case VARBINARY: return new ColumnType(SqlType.VARBINARY, p, 0);
      case DATE: return ColumnType.of(SqlType.DATE);
      case TIME: return ColumnType.of(SqlType.TIME);
      case TIMESTAMP: return ColumnType.of(SqlType.TIMESTAMP);
      case NULL: return ColumnType.of(SqlType.NULL);
      case ANY:
      case UNKNOWN: return ColumnType.of(SqlType.NULL);
      default:
        throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "type " + n + " is not supported");
    }
  }

  /** Calcite's type for one of ours. CLOB and BLOB are unbounded VARCHAR and VARBINARY to the planner. */
  public static RelDataType toRelType(RelDataTypeFactory f, ColumnType c, boolean nullable) {
    RelDataType t;
    switch (c.type()) {
      case BOOLEAN: t = f.createSqlType(SqlTypeName.BOOLEAN); break;
      case TINYINT: t = f.createSqlType(SqlTypeName.TINYINT); break;
      case SMALLINT: t = f.createSqlType(SqlTypeName.SMALLINT); break;
      case INTEGER: t = f.createSqlType(SqlTypeName.INTEGER); break;
      case BIGINT: t = f.createSqlType(SqlTypeName.BIGINT); break;
      case DECIMAL:
        t = c.precision() > 0 ? f.createSqlType(SqlTypeName.DECIMAL, c.precision(), c.scale())
            : f.createSqlType(SqlTypeName.DECIMAL);
        break;
      case REAL: t = f.createSqlType(SqlTypeName.REAL); break;
      case DOUBLE: t = f.createSqlType(SqlTypeName.DOUBLE); break;
      case CHAR: t = c.precision() > 0 ? f.createSqlType(SqlTypeName.CHAR, c.precision()) : f.createSqlType(SqlTypeName.CHAR); break;
      case VARCHAR:
      case CLOB:
        t = c.precision() > 0 ? f.createSqlType(SqlTypeName.VARCHAR, c.precision())
            : f.createSqlType(SqlTypeName.VARCHAR, RelDataType.PRECISION_NOT_SPECIFIED);
        break;
      case BINARY: t = f.createSqlType(SqlTypeName.BINARY, Math.max(1, c.precision())); break;
      case VARBINARY:
      case BLOB:
        t = c.precision() > 0 ? f.createSqlType(SqlTypeName.VARBINARY, c.precision())
            : f.createSqlType(SqlTypeName.VARBINARY, RelDataType.PRECISION_NOT_SPECIFIED);
        break;
      case DATE: t = f.createSqlType(SqlTypeName.DATE); break;
      case TIME: t = f.createSqlType(SqlTypeName.TIME); break;
      case TIMESTAMP: t = f.createSqlType(SqlTypeName.TIMESTAMP); break;
      default: t = f.createSqlType(SqlTypeName.NULL);
    }
    return f.createTypeWithNullability(t, nullable);
  }
}
