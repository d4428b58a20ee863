package dev.ferrite.sqltests.differential;

/**
 * What a check found. The kind says what went wrong in stable words: {@code rows}, {@code count},
 * or an error with its SQLSTATE and message template ({@link Outcome#error()}). A reduction keeps a
 * smaller case only if its kind is the same, and the kind is part of a finding's signature. The
 * detail is for people.
 */
record Mismatch(String kind, String detail) {
  /**
   * The check could not be judged (a statement timed out): no finding. Errors are findings: the
   * generator makes only queries that cannot fail (no overflow, guarded division, scalar
   * subqueries that return one row).
   */
  static final Mismatch SKIPPED = new Mismatch("skipped", "");

  boolean skipped() {
    return this == SKIPPED;
  }

  /** Ferrite failed on a query that cannot fail; the kind is the same whichever oracle saw it. */
  static Mismatch ferriteError(Outcome failed, String detail) {
    return new Mismatch("ferrite error " + failed.error(), detail);
  }

  /** An error where a result was due (not a wrong result). */
  boolean error() {
    return kind.contains("error");
  }

  /**
   * What findings are deduplicated by: for a Ferrite error, the error's template alone (one bug
   * whichever oracle runs into it); for an error of H2 only, the oracle and the template; for a
   * wrong result, the oracle, the kind and the shape of the (reduced) case.
   */
  String signature(Check reduced) {
    if (kind.startsWith("ferrite error")) {
      return kind;
    }
    return reduced.oracle() + " | " + kind + (error() ? "" : " | " + reduced.shape());
  }
}
