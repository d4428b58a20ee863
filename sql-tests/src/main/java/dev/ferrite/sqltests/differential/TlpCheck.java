package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/**
 * Ternary logic partitioning on Ferrite alone: every row (or group) satisfies exactly one of
 * {@code p}, {@code NOT p} and {@code p IS NULL}, so the three partitioned queries together must
 * give what the unpartitioned query gives.
 *
 * @param base the query without the partitioning predicate; for the aggregate variants a
 *     single-item {@code SELECT x FROM ...} whose item is the aggregate's argument
 */
record TlpCheck(Select base, Expr predicate, Variant variant) implements Check {
  /** Where the predicate goes and how the partitions are combined. */
  enum Variant {
    /** {@code WHERE p}; partitions joined by UNION ALL. */
    WHERE(null, null),
    /** {@code SELECT DISTINCT ... WHERE p}; UNION. */
    DISTINCT(null, null),
    /** {@code SELECT keys ... WHERE p GROUP BY keys}; UNION. */
    GROUP_BY(null, null),
    /** {@code ... GROUP BY keys HAVING p}; UNION ALL (each group lands in one partition). */
    HAVING(null, null),
    /** {@code MIN(x)} is the MIN of the partitions' MINs. */
    MIN("MIN", "MIN"),
    MAX("MAX", "MAX"),
    /** {@code SUM(x)} is the SUM of the partitions' SUMs. */
    SUM("SUM", "SUM"),
    /** {@code COUNT(x)} is the SUM of the partitions' COUNTs. */
    COUNT("COUNT", "SUM");

    final String inner;
    final String outer;

    Variant(String inner, String outer) {
      this.inner = inner;
      this.outer = outer;
    }

    boolean aggregate() {
      return inner != null;
    }
  }

  @Override public String oracle() {
    return "TLP";
  }

  @Override public Mismatch run(Env env) {
    String original = original().sql();
    String combined = combined(false);
    Outcome whole = env.query(Engine.FERRITE, original);
    Outcome parts = env.query(Engine.FERRITE, combined);
    if (whole.timedOut() || parts.timedOut()) {
      return Mismatch.SKIPPED;
    }
    if (!whole.ok()) {
      return Mismatch.ferriteError(whole, "unpartitioned query: " + whole);
    }
    if (!parts.ok()) {
      return Mismatch.ferriteError(parts, "partitioned query: " + parts);
    }
    String diff = ResultComparison.difference(whole.rows(), parts.rows(), false);
    return diff == null ? null : new Mismatch("rows", "unpartitioned " + whole + "; partitioned " + parts + "; " + diff);
  }

  /** The unpartitioned query. */
  private Select original() {
    return variant.aggregate() ? base.withItems(List.of(aggregate(variant.inner, ""))) : base;
  }

  private String combined(boolean shape) {
    List<String> parts = new ArrayList<>();
    for (Expr p : List.of(predicate, Op.predicate("(NOT ", predicate, ")"), Op.predicate("(", predicate, " IS NULL)"))) {
      Select part = switch (variant) {
        case HAVING -> base.withGrouping(base.groupBy(), p);
        case WHERE, DISTINCT, GROUP_BY -> base.withWhere(p);
        default -> base.withItems(List.of(aggregate(variant.inner, " AS r"))).withWhere(p);
      };
      parts.add(shape ? part.shape() : part.sql());
    }
    boolean distinct = variant == Variant.DISTINCT || variant == Variant.GROUP_BY;
    String union = String.join(distinct ? " UNION " : " UNION ALL ", parts);
    return variant.aggregate() ? "SELECT " + variant.outer + "(r) FROM (" + union + ") AS u" : union;
  }

  private Expr aggregate(String function, String alias) {
    Expr x = base.items().get(0);
    return Op.of(x.type(), x.bound(), x.scale(), function + "(", x, ")" + alias);
  }

  /**
   * Smaller cases that keep what makes the partitioning valid: the unpartitioned result of the
   * DISTINCT and GROUP BY variants must stay free of duplicates (UNION would remove them), so
   * DISTINCT stays, and the select list stays the list of grouping keys.
   */
  @Override public List<Check> shrink() {
    List<Check> out = new ArrayList<>();
    for (Expr p : Shrinker.exprs(predicate)) {
      out.add(new TlpCheck(base, p, variant));
    }
    for (Select s : Shrinker.selects(base)) {
      boolean keeps = switch (variant) {
        case DISTINCT -> s.distinct();
        case GROUP_BY -> s.items().equals(s.groupBy());
        default -> true;
      };
      if (keeps) {
        out.add(new TlpCheck(s, predicate, variant));
      }
    }
    return out;
  }

  @Override public String sql() {
    return original().sql() + ";\n" + combined(false) + ";";
  }

  @Override public String shape() {
    return variant + ": " + combined(true);
  }
}
