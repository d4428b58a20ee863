package dev.ferrite.tools.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The {@code --option key=value} settings every command that connects passes on as
 * {@code ;key=value} in the JDBC URL (durability, busy_timeout, ...). The driver rejects unknown
 * keys, so a misspelt option fails instead of being ignored.
 */
public final class ConnectionOptions {
  @Option(names = {"-o", "--option"}, paramLabel = "KEY=VALUE",
      description = "Connection option passed to the driver as ;KEY=VALUE on the JDBC URL, "
          + "e.g. durability=page, busy_timeout=10000 (repeatable).")
  private Map<String, String> options = new LinkedHashMap<>();

  /** The options in the order given. */
  public Map<String, String> options() {
    return options;
  }
}
