package dev.ferrite.tools.schema;

import java.util.Locale;

/**
 * Identifiers in generated SQL. Names are always quoted: metadata returns them as stored
 * (unquoted ones upper case), and quoting keeps lower-case names, spaces and reserved words
 * (a column called ORDER) intact.
 */
public final class Identifiers {
  private Identifiers() {}

  /**
   * The stored form of a name written without quotes: a plain identifier is upper-cased as the
   * engine would ({@code price} is {@code PRICE}); anything else (spaces, dashes) is kept as is
   * and must be quoted.
   */
  public static String normalize(String name) {
    return name.matches("[A-Za-z_][A-Za-z0-9_$]*") ? name.toUpperCase(Locale.ROOT) : name;
  }

  /** {@code "NAME"}, with embedded quotes doubled. */
  public static String quote(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }
}
