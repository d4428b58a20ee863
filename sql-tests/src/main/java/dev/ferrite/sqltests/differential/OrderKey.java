package dev.ferrite.sqltests.differential;

/**
 * One ORDER BY key, by result column position (1-based). NULL placement is always spelled out,
 * because engines differ in their default.
 */
record OrderKey(int position, boolean descending, boolean nullsFirst) {
  String sql() {
    return position + (descending ? " DESC" : " ASC") + (nullsFirst ? " NULLS FIRST" : " NULLS LAST");
  }
}
