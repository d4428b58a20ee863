package dev.ferrite.engine.plan;

import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCallBinding;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlSelect;
import org.apache.calcite.sql.type.SqlTypeName;
import org.apache.calcite.sql.type.SqlTypeUtil;
import org.apache.calcite.sql.validate.SqlValidator;
import org.apache.calcite.sql.validate.SqlValidatorScope;
import org.apache.calcite.sql.validate.implicit.TypeCoercionImpl;

/**
 * Calcite's implicit type coercion plus SQLite's answer for one pair standard SQL rejects: a
 * binary string compared with a number. SQLite compares values of different storage classes by
 * class (numbers before text before binary strings) and never converts a binary string, so
 * such a comparison depends only on which side is which, and on NULLs. Both operands become
 * {@link StorageClass} ranks, which gives exactly that: {@code x'01' = 1} is false,
 * {@code x'01' > 1} true, NULL stays NULL, and {@code x'01' IN (SELECT intcol ...)} is false, or
 * NULL when the subquery returns a NULL, as in SQLite.
 *
 * <p>Only comparisons ({@code = <> < <= > >=}) and IN / NOT IN with a list or a single-column
 * SELECT are handled. Every other pairing goes to Calcite unchanged, so nothing standard SQL
 * accepts changes meaning: before this class, these statements failed with 42000.
 */
final class CrossClassComparisons extends TypeCoercionImpl {
  CrossClassComparisons(RelDataTypeFactory typeFactory, SqlValidator validator) {
    super(typeFactory, validator);
  }

  @Override public boolean binaryComparisonCoercion(SqlCallBinding binding) {
    if (binding.getOperandCount() == 2 && crossClass(binding.getOperandType(0), binding.getOperandType(1))) {
      SqlCall call = binding.getCall();
      rank(binding.getScope(), call, 0);
      rank(binding.getScope(), call, 1);
      return true;
    }
    return super.binaryComparisonCoercion(binding);
  }

  @Override public boolean inOperationCoercion(SqlCallBinding binding) {
    SqlKind kind = binding.getOperator().getKind();
    if ((kind == SqlKind.IN || kind == SqlKind.NOT_IN) && binding.getOperandCount() == 2) {
      RelDataType left = binding.getOperandType(0);
      RelDataType right = binding.getOperandType(1);
      if (right.isStruct() && right.getFieldCount() == 1) {
        right = right.getFieldList().get(0).getType();
      }
      if (!left.isStruct() && !right.isStruct() && crossClass(left, right) && rankRight(binding)) {
        rank(binding.getScope(), binding.getCall(), 0);
        return true;
      }
    }
    return super.inOperationCoercion(binding);
  }

  /** Ranks the right side of an IN: each list element, or a SELECT's one column. */
  private boolean rankRight(SqlCallBinding binding) {
    SqlNode right = binding.operand(1);
    SqlValidatorScope scope = binding.getScope();
    if (right instanceof SqlNodeList) {
      SqlNodeList list = (SqlNodeList) right;
      boolean nullable = false;
      for (int i = 0; i < list.size(); i++) {
        list.set(i, ranked(scope, list.get(i)));
        nullable |= validator.getValidatedNodeType(list.get(i)).isNullable();
      }
      updateInferredType(list, factory.createTypeWithNullability(factory.createSqlType(SqlTypeName.INTEGER), nullable));
      return true;
    }
    if (!(right instanceof SqlSelect) || ((SqlSelect) right).getSelectList().size() != 1) {
      return false;
    }
    SqlSelect select = (SqlSelect) right;
    SqlValidatorScope selectScope = validator.getSelectScope(select);
    SqlNode item = select.getSelectList().get(0);
    SqlNode ranked;
    if (item.getKind() == SqlKind.AS) {
      SqlCall as = (SqlCall) item;
      ranked = ranked(selectScope, as.operand(0));
      as.setOperand(0, ranked);
    } else {
      ranked = ranked(selectScope, item);
      select.getSelectList().set(0, ranked);
    }
    updateInferredColumnType(selectScope, select, 0, validator.getValidatedNodeType(ranked));
    return true;
  }

  private void rank(SqlValidatorScope scope, SqlCall call, int operand) {
    call.setOperand(operand, ranked(scope, call.operand(operand)));
  }

  private SqlNode ranked(SqlValidatorScope scope, SqlNode node) {
    SqlNode call = StorageClass.FUNCTION.createCall(node.getParserPosition(), node);
    validator.deriveType(scope, call);
    return call;
  }

  /** A binary string on one side and a number on the other. */
  private static boolean crossClass(RelDataType a, RelDataType b) {
    return SqlTypeUtil.isBinary(a) && SqlTypeUtil.isNumeric(b) || SqlTypeUtil.isNumeric(a) && SqlTypeUtil.isBinary(b);
  }
}
