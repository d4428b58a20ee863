package dev.ferrite.tools.bench.workload;

import java.util.Locale;

/** Number formatting shared by the text, Markdown and HTML reports. */
final class Format {
  private Format() {
  }

  /** A figure with precision that suits its size: 1,234,567 / 12.3 / 1.23. */
  static String figure(double v) {
    if (Double.isNaN(v)) {
      return "—";
    }
    double a = Math.abs(v);
    if (a >= 100) {
      return String.format(Locale.ROOT, "%,.0f", v);
    }
    return String.format(Locale.ROOT, a >= 10 ? "%.1f" : "%.2f", v);
  }

  /** "median [min–max]". */
  static String stats(Stats s) {
    return s == null ? "—" : figure(s.median()) + " [" + figure(s.min()) + "–" + figure(s.max()) + "]";
  }

  /** An advantage factor: "2.31x". */
  static String ratio(double r) {
    return Double.isNaN(r) ? "—" : String.format(Locale.ROOT, "%.2fx", r);
  }
}
