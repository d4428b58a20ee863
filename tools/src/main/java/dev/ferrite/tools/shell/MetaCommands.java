package dev.ferrite.tools.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Locale;

/** The backslash commands of the shell: {@code \d}, {@code \di}, {@code \timing}, {@code \i}... */
final class MetaCommands {
  static final String HELP = String.join("\n",
      "SQL statements end with ';' and may span lines. Meta-commands:",
      "  \\d            list tables and views",
      "  \\d NAME       describe a table or view: columns, types, keys, indexes",
      "  \\di [TABLE]   list indexes (of one table)",
      "  \\timing [on|off]  show how long each statement takes",
      "  \\i FILE       run the statements in FILE",
      "  \\help, \\?     this help",
      "  \\q, quit, exit  leave the shell",
      "EXPLAIN <query> shows the plan; Tab completes keywords, tables and columns.");

  private final ShellSession session;

  MetaCommands(ShellSession session) {
    this.session = session;
  }

  /** Runs the meta-command line {@code text} (it starts with a backslash). */
  Outcome run(String text) {
    String[] words = text.strip().split("\\s+", 2);
    String command = words[0].toLowerCase(Locale.ROOT);
    String argument = words.length > 1 ? words[1].strip() : "";
    try {
      SchemaPrinter schema = new SchemaPrinter(session.connection(), session.out());
      switch (command) {
        case "\\q":
          return Outcome.QUIT;
        case "\\d":
          return argument.isEmpty() ? schema.listRelations() : schema.describe(argument, session);
        case "\\di":
          return schema.listIndexes(argument.isEmpty() ? null : argument, session);
        case "\\timing":
          return timing(argument);
        case "\\i":
          return include(argument);
        case "\\help":
        case "\\?":
          session.out().println(HELP);
          return Outcome.OK;
        default:
          session.error("unknown command " + words[0] + "; \\help lists the commands");
          return Outcome.ERROR;
      }
    } catch (SQLException e) {
      session.error(e);
      return Outcome.ERROR;
    }
  }

  private Outcome timing(String argument) {
    switch (argument.toLowerCase(Locale.ROOT)) {
      case "":
        session.timing(!session.timing());
        break;
      case "on":
        session.timing(true);
        break;
      case "off":
        session.timing(false);
        break;
      default:
        session.error("\\timing takes on or off, not " + argument);
        return Outcome.ERROR;
    }
    session.out().println("Timing is " + (session.timing() ? "on." : "off."));
    return Outcome.OK;
  }

  private Outcome include(String file) {
    if (file.isEmpty()) {
      session.error("\\i needs a file name");
      return Outcome.ERROR;
    }
    try (Reader script = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
      return session.runScript(script, file);
    } catch (NoSuchFileException e) {
      session.error("no such file: " + file);
    } catch (IOException e) {
      session.error("cannot read " + file + ": " + e.getMessage());
    } catch (UncheckedIOException e) {
      session.error("cannot read " + file + ": " + e.getCause().getMessage());
    }
    return Outcome.ERROR;
  }
}
