package dev.ferrite.sqltests.differential;

/**
 * A distinct problem: the reduced case's oracle, mismatch kind and shape form the signature that
 * deduplicates occurrences and that the known-differences list names.
 *
 * @param reproduction the database script and the statements of the reduced case
 * @param firstSeen where the first occurrence came from: {@code seed/database/query}
 * @param occurrences how many generated cases reduced to this signature
 */
public record Finding(String signature, String detail, String reproduction, String firstSeen, int occurrences) {
  Finding again() {
    return new Finding(signature, detail, reproduction, firstSeen, occurrences + 1);
  }

  /** Several lines: the signature, counts, what differed, and the SQL to reproduce it. */
  public String describe() {
    return signature + "\n  occurrences: " + occurrences + ", first at " + firstSeen + "\n  " + detail
        + "\n  reproduction:\n    " + reproduction.replace("\n", "\n    ");
  }
}
