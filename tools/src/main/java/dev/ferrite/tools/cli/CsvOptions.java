package dev.ferrite.tools.cli;

import dev.ferrite.tools.csv.CsvSettings;
import picocli.CommandLine.Option;

/** The CSV dialect options shared by {@code import} and {@code export}. */
final class CsvOptions {
  @Option(names = "--header", negatable = true, defaultValue = "true", fallbackValue = "true",
      description = "The first line holds column names (default; --no-header: it does not).")
  boolean header;

  @Option(names = "--delimiter", paramLabel = "CHAR", defaultValue = ",",
      description = "Field separator (default '${DEFAULT-VALUE}').")
  char delimiter;

  @Option(names = "--null", paramLabel = "TEXT", defaultValue = "",
      description = "How NULL is written: an unquoted field equal to TEXT (default: empty). "
          + "A quoted field is always text, so \"\" is an empty string.")
  String nullText;

  CsvSettings settings() {
    return new CsvSettings(delimiter, nullText, header);
  }
}
