package dev.ferrite.engine.session;

import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.parse.SqlInsertOr;
import dev.ferrite.engine.type.ColumnType;
import java.util.List;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlUtil;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Lets a NULL written into a NOT NULL column reach the table writer in INSERT OR REPLACE / OR
 * IGNORE ... VALUES, where it takes the column's default or skips the row (SQLite). Calcite's
 * validator rejects a bare NULL literal for a NOT NULL column outright, so such a literal becomes
 * {@code CAST(NULL AS column type)}, which has the same value but is no literal. Plain INSERT is
 * left alone: there the early rejection is the right answer.
 */
final class ConflictNulls {
  private ConflictNulls() {
  }

  static void typeNulls(SqlNode node, Catalog catalog) {
    if (!(node instanceof SqlInsertOr)) {
      return;
    }
    SqlInsertOr insert = (SqlInsertOr) node;
    TableDef table = LiteralLengths.table(insert.getTargetTable(), catalog);
    SqlNode source = insert.getSource();
    if (table == null || source.getKind() != SqlKind.VALUES) {
      return;
    }
    List<ColumnDef> targets = LiteralLengths.targets(table, insert.getTargetColumnList());
    for (SqlNode row : ((SqlCall) source).getOperandList()) {
      if (!(row instanceof SqlCall) || row.getKind() != SqlKind.ROW) {
        continue;
      }
      SqlCall values = (SqlCall) row;
      for (int i = 0; i < values.operandCount() && i < targets.size(); i++) {
        ColumnDef c = targets.get(i);
        if (!c.nullable() && SqlUtil.isNullLiteral(values.operand(i), false)) {
          values.setOperand(i, typedNull(c.type(), values.operand(i).getParserPosition()));
        }
      }
    }
  }

  private static SqlNode typedNull(ColumnType type, SqlParserPos pos) {
    SqlTypeName name;
    switch (type.type()) {
      case CLOB:
        name = SqlTypeName.VARCHAR;
        break;
      case BLOB:
        name = SqlTypeName.VARBINARY;
        break;
      default:
        name = SqlTypeName.valueOf(type.type().name());
    }
    SqlBasicTypeNameSpec spec = name.allowsScale() && type.precision() > 0
        ? new SqlBasicTypeNameSpec(name, type.precision(), type.scale(), pos)
        : name.allowsPrec() && type.precision() > 0 ? new SqlBasicTypeNameSpec(name, type.precision(), pos)
        : new SqlBasicTypeNameSpec(name, pos);
    return SqlStdOperatorTable.CAST.createCall(pos, SqlLiteral.createNull(pos), new SqlDataTypeSpec(spec, pos));
  }
}
