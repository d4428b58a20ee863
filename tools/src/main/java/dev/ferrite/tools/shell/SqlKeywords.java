package dev.ferrite.tools.shell;

import java.util.List;

/** The SQL words the shell completes: Ferrite's statements, clauses, types and functions. */
final class SqlKeywords {
  static final List<String> WORDS = List.of(
      "SELECT", "FROM", "WHERE", "GROUP", "BY", "HAVING", "ORDER", "ASC", "DESC", "LIMIT",
      "OFFSET", "FETCH", "FIRST", "NEXT", "ROWS", "ONLY", "DISTINCT", "ALL", "AS", "JOIN",
      "INNER", "LEFT", "RIGHT", "FULL", "OUTER", "CROSS", "ON", "USING", "UNION", "INTERSECT",
      "EXCEPT", "EXISTS", "IN", "BETWEEN", "LIKE", "IS", "NULL", "NOT", "AND", "OR", "CASE",
      "WHEN", "THEN", "ELSE", "END", "CAST", "TRUE", "FALSE", "WITH", "VALUES",
      "INSERT", "INTO", "UPDATE", "SET", "DELETE", "CREATE", "DROP", "ALTER", "TABLE", "VIEW",
      "INDEX", "UNIQUE", "PRIMARY", "KEY", "DEFAULT", "GENERATED", "IDENTITY", "ADD", "COLUMN",
      "CONSTRAINT", "IF", "BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE", "TRANSACTION",
      "EXPLAIN", "PLAN", "FOR",
      "BOOLEAN", "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "DECIMAL", "REAL", "DOUBLE",
      "PRECISION", "CHAR", "VARCHAR", "CLOB", "BINARY", "VARBINARY", "BLOB", "DATE", "TIME",
      "TIMESTAMP",
      "COUNT", "SUM", "AVG", "MIN", "MAX", "COALESCE", "NULLIF", "ABS", "MOD", "ROUND", "FLOOR",
      "CEILING", "POWER", "SQRT", "LOWER", "UPPER", "TRIM", "SUBSTRING", "POSITION",
      "CHAR_LENGTH", "CONCAT", "CURRENT_DATE", "CURRENT_TIME", "CURRENT_TIMESTAMP", "EXTRACT");

  private SqlKeywords() {}
}
