package dev.ferrite.engine.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.ParameterMetadata;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.catalog.Catalog;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToLongFunction;

/**
 * The plan cache, keyed by catalog version and SQL template (the text with literals cut out).
 * A template may have several plans (variants) when some of its literals could not become
 * parameters; a variant matches when those literals are equal. A cache hit does not touch
 * Calcite: it lexes the text and binds the literal values as parameter values.
 */
public final class TemplateCache {
  private record Key(long catalogVersion, String template) {
  }

  private record Variant(Plan plan, int[] parameterLiterals, int[] pinned, String[] pinnedTexts) {
    boolean matches(SqlTemplate t) {
      for (int i = 0; i < pinned.length; i++) {
        if (!t.literals.get(pinned[i]).text.equals(pinnedTexts[i])) {
          return false;
        }
      }
      return true;
    }
  }

  private final Cache<Key, List<Variant>> cache = Caffeine.newBuilder().maximumSize(4096).recordStats().build();

  /** Prepares {@code sql} against {@code catalog}, from the cache when possible. */
  public Prepared prepare(String text, Catalog catalog, int maxKeyLength, ToLongFunction<String> rowCounts) {
    String sql = EmptyInLists.rewrite(text);
    SqlTemplate template = SqlTemplate.of(sql);
    boolean parameterize = !template.hasUserParameters && !template.literals.isEmpty();
    Key key = new Key(catalog.version(), parameterize ? template.key : sql);
    List<Variant> variants = cache.getIfPresent(key);
    if (variants != null) {
      for (Variant v : variants) {
        if (v.matches(template)) {
          return bind(v, template, text);
        }
      }
    }
    Variant v;
    if (parameterize) {
      StatementPlanner.Templated t = StatementPlanner.planTemplate(sql, template, catalog, maxKeyLength, rowCounts);
      v = variant(t.plan(), t.parameterLiterals(), template);
    } else {
      v = new Variant(StatementPlanner.plan(sql, catalog, maxKeyLength, rowCounts), new int[0], new int[0],
          new String[0]);
    }
    if (v.plan.cacheable()) {
      cache.asMap().computeIfAbsent(key, k -> new CopyOnWriteArrayList<>()).add(v);
    }
    return bind(v, template, text);
  }

  private static Variant variant(Plan plan, int[] params, SqlTemplate template) {
    boolean[] isParam = new boolean[template.literals.size()];
    for (int p : params) {
      isParam[p] = true;
    }
    int n = 0;
    for (boolean b : isParam) {
      n += b ? 0 : 1;
    }
    int[] pinned = new int[n];
    String[] texts = new String[n];
    for (int i = 0, j = 0; i < isParam.length; i++) {
      if (!isParam[i]) {
        pinned[j] = i;
        texts[j++] = template.literals.get(i).text;
      }
    }
    return new Variant(plan, params, pinned, texts);
  }

  private static Prepared bind(Variant v, SqlTemplate template, String sql) {
    if (v.parameterLiterals.length == 0) {
      return v.plan;
    }
    Object[] args = new Object[v.parameterLiterals.length];
    for (int i = 0; i < args.length; i++) {
      args[i] = template.literals.get(v.parameterLiterals[i]).value;
    }
    return new Bound(v.plan, args, sql);
  }

  /** Hit and miss counts. */
  public String stats() {
    return cache.stats().toString();
  }

  /**
   * A cached plan with the literal values of one SQL text bound as its parameters; to the
   * caller it is a statement without parameters.
   */
  public static final class Bound implements Prepared {
    public final Plan plan;
    public final Object[] arguments;
    private final String sql;

    Bound(Plan plan, Object[] arguments, String sql) {
      this.plan = plan;
      this.arguments = arguments;
      this.sql = sql;
    }

    @Override public String sql() {
      return sql;
    }

    @Override public StatementKind kind() {
      return plan.kind();
    }

    @Override public List<ColumnMetadata> columns() {
      return plan.columns();
    }

    @Override public List<ParameterMetadata> parameters() {
      return List.of();
    }
  }
}
