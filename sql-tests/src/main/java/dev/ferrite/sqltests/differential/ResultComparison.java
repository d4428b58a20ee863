package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/** Compares two results as multisets of rows, or as sequences when the query fixes the order. */
final class ResultComparison {
  private ResultComparison() {
  }

  /** Null when the rows are the same, else what differs. */
  static String difference(List<List<Object>> a, List<List<Object>> b, boolean ordered) {
    if (a.size() != b.size()) {
      return "row counts differ: " + a.size() + " vs " + b.size() + firstUnmatched(a, b);
    }
    if (ordered) {
      for (int i = 0; i < a.size(); i++) {
        if (!sameRow(a.get(i), b.get(i))) {
          return "row " + (i + 1) + " differs: " + a.get(i) + " vs " + b.get(i);
        }
      }
      return null;
    }
    List<List<Object>> sa = new ArrayList<>(a);
    List<List<Object>> sb = new ArrayList<>(b);
    sa.sort(Values.ROW_ORDER);
    sb.sort(Values.ROW_ORDER);
    for (int i = 0; i < sa.size(); i++) {
      if (!sameRow(sa.get(i), sb.get(i))) {
        // Values equal within tolerance can sort apart; only a failed matching is a difference.
        String unmatched = firstUnmatched(a, b);
        return unmatched.isEmpty() ? null : "rows differ" + unmatched;
      }
    }
    return null;
  }

  /** Matches rows greedily; describes the first row of either side left without a partner. */
  private static String firstUnmatched(List<List<Object>> a, List<List<Object>> b) {
    List<List<Object>> rest = new ArrayList<>(b);
    for (List<Object> row : a) {
      int match = -1;
      for (int j = 0; j < rest.size() && match < 0; j++) {
        if (sameRow(row, rest.get(j))) {
          match = j;
        }
      }
      if (match < 0) {
        return "; first only in the first: " + row;
      }
      rest.remove(match);
    }
    return rest.isEmpty() ? "" : "; first only in the second: " + rest.get(0);
  }

  private static boolean sameRow(List<Object> a, List<Object> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!Values.same(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
