package dev.ferrite.sqltests.differential;

import java.util.ArrayList;
import java.util.List;

/** Copies of immutable lists with one element replaced or removed: the edits generator and reducer make. */
final class Lists {
  private Lists() {
  }

  static <T> List<T> replaced(List<T> list, int i, T element) {
    List<T> copy = new ArrayList<>(list);
    copy.set(i, element);
    return List.copyOf(copy);
  }

  static <T> List<T> without(List<T> list, int i) {
    List<T> copy = new ArrayList<>(list);
    copy.remove(i);
    return List.copyOf(copy);
  }
}
