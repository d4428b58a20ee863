package dev.ferrite.engine.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rel.type.RelDataTypeSystemImpl;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;

/**
 * Type rules that differ from Calcite's defaults: DECIMAL up to 38 digits, SUM of integers is
 * BIGINT (no silent overflow of INTEGER sums), AVG of integers is DOUBLE (not truncated), TIME
 * and TIMESTAMP to the nanosecond.
 */
final class EngineTypeSystem extends RelDataTypeSystemImpl {
  static final EngineTypeSystem INSTANCE = new EngineTypeSystem();

  @Override public int getMaxPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
      return 9;
    }
    return typeName == SqlTypeName.DECIMAL ? dev.ferrite.engine.type.SqlType.MAX_DECIMAL_PRECISION : super.getMaxPrecision(typeName);
  }

  /**
   * TIME and TIMESTAMP keep nanoseconds (java.time's precision), so a literal or cast with a
   * fraction of a second is not rounded away at plan time.
   */
  @Override public int getDefaultPrecision(SqlTypeName typeName) {
    if (typeName == SqlTypeName.TIMESTAMP || typeName == SqlTypeName.TIME) {
      return 9;
    }
    return super.getDefaultPrecision(typeName);
  }

  @Override public int getMaxScale(SqlTypeName typeName) {
    return typeName == SqlTypeName.DECIMAL ? dev.ferrite.engine.type.SqlType.MAX_DECIMAL_PRECISION : super.getMaxScale(typeName);
  }

  @Override public RelDataType deriveSumType(RelDataTypeFactory f, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getScale() == 0
        && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.BIGINT), argumentType.isNullable());
    }
    return super.deriveSumType(f, argumentType);
  }

  @Override public RelDataType deriveAvgAggType(RelDataTypeFactory f, RelDataType argumentType) {
    if (SqlTypeUtil.isExactNumeric(argumentType) && argumentType.getSqlTypeName() != SqlTypeName.DECIMAL) {
      return f.createTypeWithNullability(f.createSqlType(SqlTypeName.DOUBLE), argumentType.isNullable());
    }
    return super.deriveAvgAggType(f, argumentType);
  }

  @Override public boolean shouldConvertRaggedUnionTypesToVarying() {
    return true;
  }
}
