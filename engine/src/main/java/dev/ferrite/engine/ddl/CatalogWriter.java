package dev.ferrite.engine.ddl;

import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.CatalogStore;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.catalog.ViewDef;
import dev.ferrite.engine.txn.EngineTransaction;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Changes catalog records in {@code sys.catalog} through the transaction (so the undo log covers
 * them) and installs each changed catalog in it. Every change bumps the persisted catalog version.
 */
final class CatalogWriter {
  /** Versions of catalogs changed by uncommitted DDL: negative, so never equal to a committed one. */
  private static final AtomicLong PRIVATE_VERSIONS = new AtomicLong();

  private final EngineTransaction txn;

  CatalogWriter(EngineTransaction txn) {
    this.txn = txn;
  }

  private Catalog catalog() {
    return txn.catalog();
  }

  /** The next table, index or trigger id. */
  long nextId() {
    ensureTree();
    byte[] key = CatalogStore.nextIdKey();
    byte[] v = txn.get(CatalogStore.TREE, key);
    long id = v == null ? 1 : CatalogStore.readLong(v);
    txn.put(CatalogStore.TREE, key, CatalogStore.writeLong(id + 1), v);
    return id;
  }

  void putTable(TableDef table) {
    put(CatalogStore.tableKey(table.name()), CatalogStore.writeTable(table));
    Map<String, TableDef> tables = new HashMap<>(catalog().tables());
    tables.put(table.name(), table);
    install(tables, catalog().views(), catalog().triggers());
  }

  /** Removes the table's record (its trees are the caller's business). */
  void removeTable(String name) {
    remove(CatalogStore.tableKey(name));
    Map<String, TableDef> tables = new HashMap<>(catalog().tables());
    tables.remove(name);
    install(tables, catalog().views(), catalog().triggers());
  }

  void putView(ViewDef view) {
    put(CatalogStore.viewKey(view.name()), CatalogStore.writeView(view));
    Map<String, ViewDef> views = new HashMap<>(catalog().views());
    views.put(view.name(), view);
    install(catalog().tables(), views, catalog().triggers());
  }

  void removeView(String name) {
    remove(CatalogStore.viewKey(name));
    Map<String, ViewDef> views = new HashMap<>(catalog().views());
    views.remove(name);
    install(catalog().tables(), views, catalog().triggers());
  }

  void putTrigger(TriggerDef trigger) {
    put(CatalogStore.triggerKey(trigger.name()), CatalogStore.writeTrigger(trigger));
    Map<String, TriggerDef> triggers = new HashMap<>(catalog().triggers());
    triggers.put(trigger.name(), trigger);
    install(catalog().tables(), catalog().views(), triggers);
  }

  void removeTrigger(String name) {
    remove(CatalogStore.triggerKey(name));
    Map<String, TriggerDef> triggers = new HashMap<>(catalog().triggers());
    triggers.remove(name);
    install(catalog().tables(), catalog().views(), triggers);
  }

  private void put(byte[] key, byte[] record) {
    ensureTree();
    txn.put(CatalogStore.TREE, key, record, txn.get(CatalogStore.TREE, key));
  }

  private void remove(byte[] key) {
    byte[] old = txn.get(CatalogStore.TREE, key);
    if (old != null) {
      txn.delete(CatalogStore.TREE, key, old);
    }
  }

  private void ensureTree() {
    if (!txn.writer().hasTree(CatalogStore.TREE)) {
      txn.createTree(CatalogStore.TREE);
    }
  }

  /** Bumps the persisted version and installs the changed catalog in the transaction. */
  private void install(Map<String, TableDef> tables, Map<String, ViewDef> views, Map<String, TriggerDef> triggers) {
    ensureTree();
    byte[] key = CatalogStore.versionKey();
    byte[] v = txn.get(CatalogStore.TREE, key);
    txn.put(CatalogStore.TREE, key, CatalogStore.writeLong((v == null ? 0 : CatalogStore.readLong(v)) + 1), v);
    txn.setCatalog(new Catalog(PRIVATE_VERSIONS.decrementAndGet(), tables, views, triggers));
  }
}
