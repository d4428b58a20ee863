package dev.ferrite.sqltests.differential;

import java.util.List;

/** One test case of an oracle: a query (or a few) that must agree with something. */
interface Check {
  /** {@code H2}, {@code TLP} or {@code NoREC}. */
  String oracle();

  /**
   * Runs the case; null if it holds. Leaves the database as it found it, except {@link
   * InsertCheck}, which only ever runs on a database loaded for it.
   */
  Mismatch run(Env env);

  /** Cases one step smaller (the reducer keeps the first that still fails the same way). */
  List<Check> shrink();

  /** The statements that show the case, one per line, after the database script. */
  String sql();

  /** The case with names and values abstracted (part of a finding's signature). */
  String shape();
}
