package dev.ferrite.sqltests.differential;

/**
 * What a check found. The kind says what went wrong in stable words: {@code rows}, {@code count},
 * or an error with its SQLSTATE and message template ({@link Outcome#error()}). A reduction keeps a
 * smaller case only if its kind is the same, and the kind is part of a finding's signature. The
 * detail is for people.
 */
record Mismatch(String kind, String detail) {
  /** The check could not be judged (a timeout; a data exception in a partition): no finding. */
  static final Mismatch SKIPPED = new Mismatch("skipped", "");

  boolean skipped() {
    return this == SKIPPED;
  }

  /** An error where a result was due (not a wrong result). */
  boolean error() {
    return kind.contains("error");
  }
}
