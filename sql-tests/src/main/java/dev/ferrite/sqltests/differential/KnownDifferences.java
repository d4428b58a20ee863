package dev.ferrite.sqltests.differential;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The known-differences list: {@code signature<TAB>reason} a line, {@code #} starts a comment.
 * Reasons of engine bugs start with {@code BUG:}; every entry needs one.
 */
public final class KnownDifferences {
  private KnownDifferences() {
  }

  /** Signature to reason, in file order. */
  public static Map<String, String> parse(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t", 2);
      if (parts.length < 2 || parts[1].isBlank()) {
        throw new IllegalArgumentException("known difference without a reason: " + line);
      }
      out.put(parts[0], parts[1]);
    }
    return out;
  }
}
