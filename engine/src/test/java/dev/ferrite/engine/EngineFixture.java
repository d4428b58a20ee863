package dev.ferrite.engine;

import java.util.ArrayList;
import java.util.List;

/** Small helpers to run SQL through a session and read results as text in tests. */
final class EngineFixture {
  private EngineFixture() {
  }

  /** Runs a query; each row as its values joined by commas (NULL as "null"). */
  static List<String> rows(Session s, String sql, Object... params) {
    Result r = s.execute(s.prepare(sql), params, 0, 0);
    List<String> out = new ArrayList<>();
    try (RowCursor c = r.rows()) {
      int n = c.columns().size();
      while (c.next()) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
          sb.append(i > 0 ? "," : "").append(c.get(i));
        }
        out.add(sb.toString());
      }
    }
    return out;
  }

  /** Runs a statement; returns its update count. */
  static long update(Session s, String sql, Object... params) {
    return s.execute(s.prepare(sql), params, 0, 0).updateCount();
  }

  /** The SQLSTATE of the error {@code sql} raises, or null when it succeeds. */
  static String error(Session s, String sql, Object... params) {
    try {
      Result r = s.execute(s.prepare(sql), params, 0, 0);
      if (r.isQuery()) {
        try (RowCursor c = r.rows()) {
          while (c.next()) {
            c.get(0);
          }
        }
      }
      return null;
    } catch (EngineException e) {
      return e.sqlState();
    }
  }
}
