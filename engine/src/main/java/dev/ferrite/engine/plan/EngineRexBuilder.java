package dev.ferrite.engine.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeFamily;

/**
 * Calcite's RexBuilder folds a cast of a string literal to a shorter character type by
 * truncating the literal at plan time. That would make {@code INSERT ... VALUES ('toolong')}
 * into a VARCHAR(5) column store 'toolo' silently; we keep such casts as calls instead, so the
 * table writer sees the whole value and rejects it (22001).
 */
final class EngineRexBuilder extends RexBuilder {
  EngineRexBuilder(RelDataTypeFactory typeFactory) {
    super(typeFactory);
  }

  @Override public RexNode makeCast(SqlParserPos pos, RelDataType type, RexNode exp, boolean matchNullability,
      boolean safe, RexLiteral format) {
    if (exp instanceof RexLiteral && type.getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
        && exp.getType().getSqlTypeName().getFamily() == SqlTypeFamily.CHARACTER
        && type.getPrecision() > 0 && exp.getType().getPrecision() > type.getPrecision()) {
      RelDataType t = matchNullability ? matchNullability(type, exp) : type;
      return makeAbstractCast(pos, t, exp, safe, format);
    }
    return super.makeCast(pos, type, exp, matchNullability, safe, format);
  }
}
