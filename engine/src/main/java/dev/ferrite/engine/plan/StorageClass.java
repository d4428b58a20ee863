package dev.ferrite.engine.plan;

import org.apache.calcite.sql.SqlInternalOperator;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlOperator;
import org.apache.calcite.sql.type.OperandTypes;
import org.apache.calcite.sql.type.ReturnTypes;

/**
 * {@code STORAGE_CLASS(x)}: the rank of a value's SQLite storage class, the order SQLite sorts
 * values of different classes in: 0 for a number, 1 for text, 2 for a binary string; NULL for
 * NULL. Only the validator's cross-class comparisons ({@link CrossClassComparisons}) create it;
 * it is an internal operator, not in the operator table, so SQL cannot call it by name (and the
 * validator types it without looking it up there).
 */
public final class StorageClass {
  /** The function's name, which the expression compiler recognises. */
  public static final String NAME = "STORAGE_CLASS";

  static final SqlOperator FUNCTION = new SqlInternalOperator(NAME, SqlKind.OTHER_FUNCTION, 0, true,
      ReturnTypes.INTEGER_NULLABLE, null, OperandTypes.ANY);

  private StorageClass() {
  }
}
