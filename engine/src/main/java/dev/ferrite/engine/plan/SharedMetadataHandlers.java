package dev.ferrite.engine.plan;

import java.util.concurrent.ConcurrentHashMap;
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

  private final MetadataHandlerProvider reflective =
      new ProxyingMetadataHandlerProvider(DefaultRelMetadataProvider.INSTANCE);
  private final ConcurrentHashMap<Class<?>, MetadataHandler<?>> handlers = new ConcurrentHashMap<>();

  private SharedMetadataHandlers() {
  }

  @Override public <MH extends MetadataHandler<?>> MH handler(Class<MH> handlerClass) {
    return handlerClass.cast(handlers.computeIfAbsent(handlerClass, c -> reflective.handler(handlerClass)));
  }
}
