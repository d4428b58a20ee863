package dev.ferrite.tools.bench.workload;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Median and range of the measured repetitions of one workload on one engine. The median, not
 * the mean: on a shared machine one disturbed repetition should not move the headline figure,
 * and the min–max range shows how disturbed the others were.
 */
public record Stats(double median, double min, double max, int n) {
  /** Of {@code values} (at least one). */
  public static Stats of(List<Double> values) {
    List<Double> v = new ArrayList<>(values);
    Collections.sort(v);
    int n = v.size();
    double median = n % 2 == 1 ? v.get(n / 2) : (v.get(n / 2 - 1) + v.get(n / 2)) / 2;
    return new Stats(median, v.get(0), v.get(n - 1), n);
  }
}
