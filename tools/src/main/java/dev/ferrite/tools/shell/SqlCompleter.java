package dev.ferrite.tools.shell;

import dev.ferrite.tools.schema.ColumnInfo;
import dev.ferrite.tools.schema.SchemaReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion of SQL keywords, table and view names, and column names, read from the
 * driver's metadata at each Tab (cheap in-process, and never stale after DDL). After
 * {@code name.} only the columns of that table are offered. A word typed in lower case is
 * completed in lower case: unquoted names are case-insensitive, and that is what the user writes.
 */
final class SqlCompleter implements Completer {
  private final Connection connection;

  SqlCompleter(Connection connection) {
    this.connection = connection;
  }

  @Override
  public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
    String word = line.word().substring(0, line.wordCursor());
    boolean lower = !word.isEmpty() && word.equals(word.toLowerCase(Locale.ROOT))
        && !word.equals(word.toUpperCase(Locale.ROOT));
    int dot = word.lastIndexOf('.');
    try {
      SchemaReader schema = new SchemaReader(connection.getMetaData());
      if (dot > 0) {
        Optional<String> table = schema.resolve(word.substring(0, dot));
        if (table.isPresent()) {
          for (ColumnInfo column : schema.columns(table.get())) {
            add(candidates, word.substring(0, dot + 1) + cased(column.name(), lower), "column");
          }
        }
        return;
      }
      TreeSet<String> columns = new TreeSet<>();
      for (String table : schema.tableNames()) {
        add(candidates, cased(table, lower), "table");
        schema.columns(table).forEach(c -> columns.add(c.name()));
      }
      for (String view : schema.viewNames()) {
        add(candidates, cased(view, lower), "view");
      }
      columns.forEach(c -> add(candidates, cased(c, lower), "column"));
    } catch (SQLException e) {
      // No metadata (the connection broke): keywords alone are still worth offering.
    }
    SqlKeywords.WORDS.forEach(k -> add(candidates, cased(k, lower), "keyword"));
  }

  private static void add(List<Candidate> candidates, String value, String group) {
    candidates.add(new Candidate(value, value, group, null, null, null, true));
  }

  /** A stored upper-case name is offered in lower case only where that means the same name. */
  private static String cased(String name, boolean lower) {
    boolean plain = name.matches("[A-Z][A-Z0-9_]*");
    return lower && plain ? name.toLowerCase(Locale.ROOT) : name;
  }
}
