package dev.ferrite.tools.bench.workload;

/** What a workload's figure counts, and in which direction it is better. */
public enum Unit {
  COMMITS_PER_S("commits/s", true),
  ROWS_PER_S("rows/s", true),
  OPS_PER_S("ops/s", true),
  MS("ms", false);

  private final String label;
  private final boolean higherIsBetter;

  Unit(String label, boolean higherIsBetter) {
    this.label = label;
    this.higherIsBetter = higherIsBetter;
  }

  /** As printed after a figure. */
  public String label() {
    return label;
  }

  /** True for rates, false for times. */
  public boolean higherIsBetter() {
    return higherIsBetter;
  }

  /**
   * How many times better {@code a} is than {@code b}: a/b for rates, b/a for times, so above 1
   * always means {@code a} is better.
   */
  public double advantage(double a, double b) {
    return higherIsBetter ? a / b : b / a;
  }
}
