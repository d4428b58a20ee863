package dev.ferrite.engine.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.sql.SqlBasicTypeNameSpec;
import org.apache.calcite.sql.SqlCall;
import org.apache.calcite.sql.SqlCharStringLiteral;
import org.apache.calcite.sql.SqlDataTypeSpec;
import org.apache.calcite.sql.SqlDynamicParam;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.sql.SqlLiteral;
import org.apache.calcite.sql.SqlNode;
import org.apache.calcite.sql.SqlNodeList;
import org.apache.calcite.sql.SqlNumericLiteral;
import org.apache.calcite.sql.SqlUpdate;
import org.apache.calcite.sql.fun.SqlStdOperatorTable;
import org.apache.calcite.sql.parser.SqlParserPos;
import org.apache.calcite.sql.type.SqlTypeName;

/**
 * Turns literals in value positions of a parse tree into typed parameters
 * ({@code CAST(? AS type-of-literal)}), so statements that differ only in those literals share
 * one plan. Value positions: operands of comparisons, BETWEEN, LIKE and IN lists, rows of
 * VALUES, and UPDATE's SET values. Everything else (ORDER BY ordinals, LIMIT, arithmetic, the
 * select list) keeps its literal, which then becomes part of the plan's identity.
 */
final class LiteralParameterizer {
  private final Map<Integer, Integer> literalAtOffset = new HashMap<>();
  private final int[] lineStarts;
  private final List<Integer> parameterLiterals = new ArrayList<>();

  private LiteralParameterizer(String sql, SqlTemplate template) {
    for (int i = 0; i < template.literals.size(); i++) {
      literalAtOffset.put(template.literals.get(i).start, i);
    }
    List<Integer> starts = new ArrayList<>();
    starts.add(0);
    for (int i = 0; i < sql.length(); i++) {
      if (sql.charAt(i) == '\n') {
        starts.add(i + 1);
      }
    }
    lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Rewrites {@code node} in place; returns, for each parameter created, the index of the
   * template literal it stands for.
   */
  static int[] apply(SqlNode node, String sql, SqlTemplate template) {
    LiteralParameterizer p = new LiteralParameterizer(sql, template);
    p.visit(node);
    return p.parameterLiterals.stream().mapToInt(Integer::intValue).toArray();
  }

  private void visit(SqlNode node) {
    if (node instanceof SqlNodeList) {
      for (SqlNode n : (SqlNodeList) node) {
        visit(n);
      }
      return;
    }
    if (!(node instanceof SqlCall)) {
      return;
    }
    SqlCall call = (SqlCall) node;
    boolean valuePosition = isValueOperator(call.getKind());
    List<SqlNode> operands = call.getOperandList();
    for (int i = 0; i < operands.size(); i++) {
      SqlNode op = operands.get(i);
      if (op == null) {
        continue;
      }
      if (valuePosition && op instanceof SqlLiteral) {
        SqlNode replaced = replace((SqlLiteral) op);
        if (replaced != op) {
          call.setOperand(i, replaced);
        }
      } else if (valuePosition && op instanceof SqlNodeList && call.getKind() == SqlKind.IN) {
        replaceInList((SqlNodeList) op);
      } else if (call instanceof SqlUpdate && op == ((SqlUpdate) call).getSourceExpressionList()) {
        replaceInList((SqlNodeList) op);
      } else {
        visit(op);
      }
    }
  }

  private void replaceInList(SqlNodeList list) {
    for (int j = 0; j < list.size(); j++) {
      SqlNode e = list.get(j);
      if (e instanceof SqlLiteral) {
        list.set(j, replace((SqlLiteral) e));
      } else {
        visit(e);
      }
    }
  }

  private static boolean isValueOperator(SqlKind kind) {
    switch (kind) {
      case EQUALS:
      case NOT_EQUALS:
      case LESS_THAN:
      case LESS_THAN_OR_EQUAL:
      case GREATER_THAN:
      case GREATER_THAN_OR_EQUAL:
      case BETWEEN:
      case LIKE:
      case IN:
      case NOT_IN:
      case ROW:
        return true;
      default:
        return false;
    }
  }

  private SqlNode replace(SqlLiteral literal) {
    SqlParserPos pos = literal.getParserPosition();
    if (pos.getLineNum() <= 0 || pos.getLineNum() > lineStarts.length) {
      return literal;
    }
    Integer index = literalAtOffset.get(lineStarts[pos.getLineNum() - 1] + pos.getColumnNum() - 1);
    if (index == null) {
      return literal;
    }
    SqlBasicTypeNameSpec type;
    if (literal instanceof SqlNumericLiteral) {
      SqlNumericLiteral n = (SqlNumericLiteral) literal;
      if (!n.isExact()) {
        type = new SqlBasicTypeNameSpec(SqlTypeName.DOUBLE, pos);
      } else if (n.getScale() != null && n.getScale() > 0) {
        type = new SqlBasicTypeNameSpec(SqlTypeName.DECIMAL, n.getPrec(), n.getScale(), pos);
      } else {
        long v;
        try {
          v = n.longValue(true);
        } catch (RuntimeException e) {
          return literal;
        }
        type = new SqlBasicTypeNameSpec(v == (int) v ? SqlTypeName.INTEGER : SqlTypeName.BIGINT, pos);
      }
    } else if (literal instanceof SqlCharStringLiteral) {
      type = new SqlBasicTypeNameSpec(SqlTypeName.VARCHAR, pos);
    } else {
      return literal;
    }
    SqlDynamicParam param = new SqlDynamicParam(parameterLiterals.size(), pos);
    parameterLiterals.add(index);
    return SqlStdOperatorTable.CAST.createCall(pos, param, new SqlDataTypeSpec(type, pos));
  }
}
