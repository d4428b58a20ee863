package dev.ferrite.engine.ddl;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;

/**
 * REINDEX as SQLite defines it: no name rebuilds every index of the database; a table name
 * rebuilds that table's indexes; an index name rebuilds that index (SQLite looks for a table
 * first, and so does this). The catalog does not change. A primary key is the table's own tree,
 * not a separate index, so there is nothing of it to rebuild.
 */
final class Reindex {
  private final Catalog catalog;
  private final IndexBuilder builder;

  Reindex(Catalog catalog, IndexBuilder builder) {
    this.catalog = catalog;
    this.builder = builder;
  }

  /** Rebuilds what {@code name} (null: everything) names; an unknown name fails with 42S12. */
  void run(String name) {
    if (name == null) {
      for (TableDef t : catalog.tables().values()) {
        table(t);
      }
      return;
    }
    TableDef table = catalog.table(name);
    if (table != null) {
      table(table);
      return;
    }
    TableDef owner = catalog.tableOfIndex(name);
    if (owner == null) {
      throw new EngineException(SqlStates.UNDEFINED_INDEX, "no table or index named " + name + " to reindex");
    }
    for (IndexDef i : owner.indexes()) {
      if (i.name().equals(name)) {
        builder.rebuild(owner, i);
      }
    }
  }

  private void table(TableDef t) {
    for (IndexDef i : t.indexes()) {
      builder.rebuild(t, i);
    }
  }
}
