package dev.ferrite.engine.plan;

import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.calcite.plan.RelOptPredicateList;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.metadata.BuiltInMetadata;
import org.apache.calcite.rel.metadata.ChainedRelMetadataProvider;
import org.apache.calcite.rel.metadata.ReflectiveRelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataProvider;
import org.apache.calcite.rel.metadata.RelMetadataQuery;
import org.apache.calcite.rel.metadata.DefaultRelMetadataProvider;
import org.apache.calcite.rel.metadata.MetadataHandler;
import org.apache.calcite.rel.metadata.MetadataHandlerProvider;
import org.apache.calcite.rel.metadata.ProxyingMetadataHandlerProvider;

/**
 * Metadata handlers made once per JVM and shared. Calcite's reflective provider (chosen over
 * the default Janino one so no code is compiled at run time) builds a new proxy for every
 * handler of every {@code RelMetadataQuery}, and the Hep planner makes a new query after each
 * rule it fires; the proxies are stateless (the query object holds the cache), so one each is
 * enough.
 */
final class SharedMetadataHandlers implements MetadataHandlerProvider {
  static final SharedMetadataHandlers INSTANCE = new SharedMetadataHandlers();

  private final MetadataHandlerProvider reflective = new ProxyingMetadataHandlerProvider(
      ChainedRelMetadataProvider.of(List.of(NoPulledUpPredicates.SOURCE, DefaultRelMetadataProvider.INSTANCE)));
  private final ConcurrentHashMap<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

  private SharedMetadataHandlers() {
  }

  /**
   * Pulled-up predicates are always "none known": they only serve optimizations we do not run,
   * and Calcite's derivation fails on a comparison with a typed NULL ("Comparison with NULL in
   * pulledUpPredicates", reached from a DISTINCT's uniqueness check over a HAVING such as
   * {@code NOT col = CAST(NULL AS REAL)} in SQLite's random/groupby files).
   */
  public static final class NoPulledUpPredicates implements BuiltInMetadata.Predicates.Handler {
    static final RelMetadataProvider SOURCE =
        ReflectiveRelMetadataProvider.reflectiveSource(new NoPulledUpPredicates(), BuiltInMetadata.Predicates.Handler.class);

    @Override public RelOptPredicateList getPredicates(RelNode r, RelMetadataQuery mq) {
      return RelOptPredicateList.EMPTY;
    }
  }

  @Override public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
    return handlerClass.cast(handlers.computeIfAbsent(handlerClass, c -> reflective.handler(handlerClass)));
  }
}
