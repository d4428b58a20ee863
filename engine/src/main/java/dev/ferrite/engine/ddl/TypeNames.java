package dev.ferrite.engine.ddl;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.type.ColumnType;
import dev.ferrite.engine.type.SqlType;
import java.util.Locale;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlTypeNameSpec;

/** Maps a declared column type (including common aliases such as TEXT, CLOB, BLOB, INT8) to ours. */
final class TypeNames {
  private TypeNames() {
  }

  static ColumnType resolve(SqlDataTypeSpec spec) {
    SqlTypeNameSpec name = spec.getTypeNameSpec();
    String n = name instanceof dev.ferrite.engine.parse.SqlLobTypeNameSpec
        ? ((dev.ferrite.engine.parse.SqlLobTypeNameSpec) name).declaredName
        : name.getTypeName().getSimple().toUpperCase(Locale.ROOT);
    int precision = -1;
    int scale = -1;
    if (name instanceof SqlBasicTypeNameSpec) {
      precision = ((SqlBasicTypeNameSpec) name).getPrecision();
      scale = ((SqlBasicTypeNameSpec) name).getScale();
    }
    int p = Math.max(0, precision);
    switch (n) {
      case "BOOLEAN": case "BOOL": return ColumnType.of(SqlType.BOOLEAN);
      case "TINYINT": return ColumnType.of(SqlType.TINYINT);
      case "SMALLINT": case "INT2": return ColumnType.of(SqlType.SMALLINT);
      case "INTEGER": case "INT": case "INT4": case "MEDIUMINT": return ColumnType.of(SqlType.INTEGER);
      case "BIGINT": case "INT8": return ColumnType.of(SqlType.BIGINT);
      case "DECIMAL": case "NUMERIC": case "DEC":
        if (p > SqlType.MAX_DECIMAL_PRECISION) {
          throw new EngineException(SqlStates.SYNTAX_ERROR, "DECIMAL precision " + p + " exceeds " + SqlType.MAX_DECIMAL_PRECISION);
        }
        return new ColumnType(SqlType.DECIMAL, precision < 0 ? SqlType.MAX_DECIMAL_PRECISION : p, scale < 0 ? (precision < 0 ? 10 : 0) : scale);
      case "REAL": case "FLOAT4": return ColumnType.of(SqlType.REAL);
      case "FLOAT": case "DOUBLE": case "FLOAT8": return ColumnType.of(SqlType.DOUBLE);
      case "CHAR": case "CHARACTER": return new ColumnType(SqlType.CHAR, precision < 0 ? 1 : p, 0);
      case "VARCHAR": case "CHARACTER VARYING": case "TEXT": case "STRING": case "VARCHAR2":
        return new ColumnType(SqlType.VARCHAR, p, 0);
      case "CLOB": return ColumnType.of(SqlType.CLOB);
      case "BINARY": return new ColumnType(SqlType.BINARY, precision < 0 ? 1 : p, 0);
      case "VARBINARY": case "BYTEA": return new ColumnType(SqlType.VARBINARY, p, 0);
      case "BLOB": return ColumnType.of(SqlType.BLOB);
      case "DATE": return ColumnType.of(SqlType.DATE);
      case "TIME": return ColumnType.of(SqlType.TIME);
      case "TIMESTAMP": case "DATETIME": return ColumnType.of(SqlType.TIMESTAMP);
      default:
        throw new EngineException(SqlStates.SYNTAX_ERROR, "unknown data type " + n,
            spec.getParserPosition().getLineNum(), spec.getParserPosition().getColumnNum(), null);
    }
  }
}
