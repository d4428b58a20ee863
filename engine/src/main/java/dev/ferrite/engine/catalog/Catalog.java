package dev.ferrite.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One immutable version of the catalog: tables, views and triggers. Every DDL statement produces a new Catalog with
 * {@code version + 1}; plans are cached per version, so a plan never outlives the schema it was
 * made for. There is one schema, {@link #SCHEMA}; names are stored as the parser normalised them
 * (unquoted identifiers in upper case).
 */
public final class Catalog {
  /** The only schema. */
  public static final String SCHEMA = "PUBLIC";

  private final long version;
  private final Map<String, TableDef> tables;
  private final Map<String, ViewDef> views;
  private final Map<String, TriggerDef> triggers;
  /** Triggers by table name, each list in creation order (the order they fire in). */
  private final Map<String, List<TriggerDef>> triggersByTable;

  /** Creates a catalog version. */
  public Catalog(long version, Map<String, TableDef> tables, Map<String, ViewDef> views,
      Map<String, TriggerDef> triggers) {
    this.version = version;
    this.tables = Collections.unmodifiableMap(new TreeMap<>(tables));
    this.views = Collections.unmodifiableMap(new TreeMap<>(views));
    this.triggers = Collections.unmodifiableMap(new TreeMap<>(triggers));
    Map<String, List<TriggerDef>> byTable = new HashMap<>();
    for (TriggerDef t : this.triggers.values()) {
      byTable.computeIfAbsent(t.table(), k -> new ArrayList<>()).add(t);
    }
    byTable.replaceAll((k, list) -> {
      list.sort(Comparator.comparingLong(TriggerDef::id));
      return List.copyOf(list);
    });
    this.triggersByTable = byTable;
  }

  /** The empty catalog of a new database. */
  public static Catalog empty() {
    return new Catalog(0, Map.of(), Map.of(), Map.of());
  }

  public long version() {
    return version;
  }

  /** Tables by name, sorted. */
  public Map<String, TableDef> tables() {
    return tables;
  }

  /** Views by name, sorted. */
  public Map<String, ViewDef> views() {
    return views;
  }

  /** Triggers by name, sorted. */
  public Map<String, TriggerDef> triggers() {
    return triggers;
  }

  public TriggerDef trigger(String name) {
    return triggers.get(name);
  }

  /** The triggers of table {@code table}, in creation order; empty when it has none. */
  public List<TriggerDef> triggersOn(String table) {
    return triggersByTable.getOrDefault(table, List.of());
  }

  public TableDef table(String name) {
    return tables.get(name);
  }

  public ViewDef view(String name) {
    return views.get(name);
  }

  /** The table owning secondary index {@code indexName}, or null. */
  public TableDef tableOfIndex(String indexName) {
    for (TableDef t : tables.values()) {
      for (IndexDef i : t.indexes()) {
        if (i.name().equals(indexName)) {
          return t;
        }
      }
    }
    return null;
  }
}
