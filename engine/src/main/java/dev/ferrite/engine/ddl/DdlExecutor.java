package dev.ferrite.engine.ddl;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.catalog.TriggerDef;
import dev.ferrite.engine.catalog.ViewDef;
import dev.ferrite.engine.expr.RelTypes;
import dev.ferrite.engine.parse.SqlAlterTableAddColumn;
import dev.ferrite.engine.parse.SqlColumnDefinition;
import dev.ferrite.engine.parse.SqlCreateIndex;
import dev.ferrite.engine.parse.SqlCreateTable;
import dev.ferrite.engine.parse.SqlCreateTrigger;
import dev.ferrite.engine.parse.SqlCreateView;
import dev.ferrite.engine.parse.SqlDropObject;
import dev.ferrite.engine.parse.SqlReindex;
import dev.ferrite.engine.parse.SqlTableConstraint;
import dev.ferrite.engine.plan.SqlPlanner;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.engine.type.ColumnType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeField;
import org.apache.calcite.sql.SqlBasicCall;
import org.apache.calcite.sql.SqlIdentifier;
import org.apache.calcite.sql.SqlNode;

/**
 * Runs one DDL statement inside the session's write transaction. Catalog records are written by
 * {@link CatalogWriter}; triggers, index building and REINDEX have classes of their own.
 */
public final class DdlExecutor {
  /** Evaluates a constant SQL expression (a DEFAULT) as a value of a column type. */
  public interface ConstantEvaluator {
    Object evaluate(String expressionSql, ColumnType type);
  }

  /** Runs an INSERT statement (CREATE TABLE AS) in the same transaction and returns its count. */
  public interface InsertRunner {
    long run(String insertSql);
  }

  private final EngineTransaction txn;
  private final int maxKeyLength;
  private final String sql;
  private final ConstantEvaluator constants;
  private final InsertRunner inserts;
  private final SqlPlanner planner;
  private final CatalogWriter writer;

  public DdlExecutor(EngineTransaction txn, int maxKeyLength, String sql, SqlPlanner planner,
      ConstantEvaluator constants, InsertRunner inserts) {
    this.txn = txn;
    this.maxKeyLength = maxKeyLength;
    this.sql = sql;
    this.planner = planner;
    this.constants = constants;
    this.inserts = inserts;
    this.writer = new CatalogWriter(txn);
  }

  /** Runs {@code node}. */
  public void execute(SqlNode node) {
    txn.writer();
    if (node instanceof SqlCreateTable) {
      createTable((SqlCreateTable) node);
    } else if (node instanceof SqlCreateIndex) {
      createIndex((SqlCreateIndex) node);
    } else if (node instanceof SqlCreateView) {
      createView((SqlCreateView) node);
    } else if (node instanceof SqlDropObject) {
      drop((SqlDropObject) node);
    } else if (node instanceof SqlAlterTableAddColumn) {
      addColumn((SqlAlterTableAddColumn) node);
    } else if (node instanceof SqlCreateTrigger) {
      triggers().create((SqlCreateTrigger) node);
    } else if (node instanceof SqlReindex) {
      SqlReindex r = (SqlReindex) node;
      new Reindex(catalog(), new IndexBuilder(txn, maxKeyLength)).run(r.name == null ? null : name(r.name));
    } else {
      throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "unsupported statement: " + node.getKind());
    }
  }

  private TriggerDdl triggers() {
    return new TriggerDdl(catalog(), writer, planner, sql);
  }

  /** The object name of {@code id}, which may be qualified by the one schema. */
  static String name(SqlIdentifier id) {
    if (id.names.size() > 2 || (id.names.size() == 2 && !id.names.get(0).equalsIgnoreCase(Catalog.SCHEMA))) {
      throw new EngineException("3F000", "schema " + id.names.get(0) + " does not exist; the only schema is "
          + Catalog.SCHEMA);
    }
    return id.names.get(id.names.size() - 1);
  }

  private Catalog catalog() {
    return txn.catalog();
  }

  private void checkNameFree(String name, boolean ifNotExists) {
    if (catalog().table(name) != null || catalog().view(name) != null) {
      if (ifNotExists) {
        return;
      }
      throw new EngineException(SqlStates.DUPLICATE_TABLE, "table or view " + name + " already exists");
    }
  }

  private void createTable(SqlCreateTable node) {
    String name = name(node.name);
    if (catalog().table(name) != null || catalog().view(name) != null) {
      checkNameFree(name, node.ifNotExists);
      return;
    }
    long id = writer.nextId();
    List<ColumnDef> columns = new ArrayList<>();
    if (node.query != null) {
      RelDataType type = planner.queryRowType(node.query);
      for (RelDataTypeField f : type.getFieldList()) {
        ColumnType ct = RelTypes.toColumnType(f.getType());
        if (ct.type() == dev.ferrite.engine.type.SqlType.NULL) {
          ct = new ColumnType(dev.ferrite.engine.type.SqlType.VARCHAR, 0, 0);
        }
        columns.add(new ColumnDef(f.getName(), ct, true, null, null, false));
      }
    } else {
      for (SqlNode n : node.columns) {
        columns.add(column((SqlColumnDefinition) n));
      }
    }
    checkDistinctColumns(name, columns);
    IndexDef pk = null;
    List<IndexDef> indexes = new ArrayList<>();
    String tree = "t." + id;
    for (SqlNode n : node.constraints) {
      SqlTableConstraint c = (SqlTableConstraint) n;
      int[] cols = columnPositions(name, columns, c.columns);
      if (c.kind == SqlTableConstraint.Kind.PRIMARY_KEY) {
        if (pk != null) {
          throw new EngineException(SqlStates.SYNTAX_ERROR, "table " + name + " has more than one primary key");
        }
        pk = new IndexDef(c.name == null ? name + "_PK" : name(c.name), name, true, true, cols,
            new boolean[cols.length], tree);
        for (int col : cols) {
          ColumnDef d = columns.get(col);
          columns.set(col, new ColumnDef(d.name(), d.type(), false, d.defaultSql(), d.defaultValue(), d.identity()));
        }
      } else {
        String indexName = c.name == null ? name + "_UNIQUE_" + (indexes.size() + 1) : name(c.name);
        indexes.add(new IndexDef(indexName, name, true, false, cols, new boolean[cols.length], "i." + writer.nextId()));
      }
    }
    int identities = 0;
    for (ColumnDef c : columns) {
      if (c.identity()) {
        identities++;
        if (!c.type().type().isInteger()) {
          throw new EngineException(SqlStates.SYNTAX_ERROR, "identity column " + c.name() + " must have an integer type");
        }
      }
    }
    if (identities > 1) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, "table " + name + " has more than one identity column");
    }
    TableDef table = new TableDef(id, name, columns, pk, indexes, tree);
    txn.createTree(tree);
    for (IndexDef i : indexes) {
      txn.createTree(i.treeName());
    }
    writer.putTable(table);
    if (node.query != null) {
      inserts.run("INSERT INTO \"" + name + "\" " + SqlText.sliceToEnd(sql, node.query.getParserPosition()));
    }
  }

  private void checkDistinctColumns(String table, List<ColumnDef> columns) {
    Map<String, Boolean> seen = new HashMap<>();
    for (ColumnDef c : columns) {
      if (seen.put(c.name(), true) != null) {
        throw new EngineException(SqlStates.SYNTAX_ERROR, "duplicate column " + c.name() + " in table " + table);
      }
    }
  }

  private ColumnDef column(SqlColumnDefinition d) {
    ColumnType type = TypeNames.resolve(d.type);
    String defaultSql = null;
    Object defaultValue = null;
    if (d.defaultValue != null) {
      defaultSql = SqlText.slice(sql, d.defaultValue.getParserPosition());
      defaultValue = constants.evaluate(defaultSql, type);
    }
    return new ColumnDef(d.name.getSimple(), type, d.nullable && !d.identity, defaultSql, defaultValue, d.identity);
  }

  private static int[] columnPositions(String table, List<ColumnDef> columns, List<SqlNode> ids) {
    int[] cols = new int[ids.size()];
    for (int i = 0; i < cols.length; i++) {
      String c = ((SqlIdentifier) ids.get(i)).getSimple();
      cols[i] = -1;
      for (int j = 0; j < columns.size(); j++) {
        if (columns.get(j).name().equals(c)) {
          cols[i] = j;
        }
      }
      if (cols[i] < 0) {
        throw new EngineException(SqlStates.UNDEFINED_COLUMN, "column " + c + " not found in table " + table);
      }
    }
    return cols;
  }

  private void createIndex(SqlCreateIndex node) {
    String name = name(node.name);
    String tableName = name(node.table);
    TableDef table = catalog().table(tableName);
    if (table == null) {
      throw new EngineException(SqlStates.UNDEFINED_TABLE, "table " + tableName + " not found");
    }
    if (catalog().tableOfIndex(name) != null
        || (table.primaryKey() != null && table.primaryKey().name().equals(name))) {
      if (node.ifNotExists) {
        return;
      }
      throw new EngineException(SqlStates.DUPLICATE_INDEX, "index " + name + " already exists");
    }
    List<SqlNode> ids = new ArrayList<>();
    boolean[] desc = new boolean[node.columns.size()];
    for (int i = 0; i < desc.length; i++) {
      SqlNode c = node.columns.get(i);
      if (c instanceof SqlBasicCall) {
        desc[i] = true;
        c = ((SqlBasicCall) c).operand(0);
      }
      ids.add(c);
    }
    int[] cols = columnPositions(tableName, table.columns(), ids);
    IndexDef index = new IndexDef(name, tableName, node.unique, false, cols, desc, "i." + writer.nextId());
    txn.createTree(index.treeName());
    new IndexBuilder(txn, maxKeyLength).fill(table, index);
    List<IndexDef> indexes = new ArrayList<>(table.indexes());
    indexes.add(index);
    writer.putTable(table.with(table.columns(), indexes));
  }

  private void createView(SqlCreateView node) {
    String name = name(node.name);
    if (catalog().table(name) != null) {
      throw new EngineException(SqlStates.DUPLICATE_TABLE, "a table named " + name + " already exists");
    }
    if (catalog().view(name) != null && !node.getReplace()) {
      checkNameFree(name, node.ifNotExists);
      return;
    }
    planner.queryRowType(node.query);
    List<String> columns = new ArrayList<>();
    if (node.columnNames != null) {
      for (SqlNode c : node.columnNames) {
        columns.add(((SqlIdentifier) c).getSimple());
      }
    }
    writer.putView(new ViewDef(name, SqlText.sliceToEnd(sql, node.query.getParserPosition()), columns));
  }

  private void drop(SqlDropObject node) {
    String name = name(node.name);
    switch (node.kind) {
      case TABLE: {
        TableDef t = catalog().table(name);
        if (t == null) {
          missing(node.ifExists, SqlStates.UNDEFINED_TABLE, "table " + name + " not found");
          return;
        }
        dropDependentViews(name, node.cascade);
        // A table's triggers go with it (SQLite); triggers of other tables that merely name it
        // in their statements stay, and fail when they fire.
        for (TriggerDef trigger : catalog().triggersOn(name)) {
          writer.removeTrigger(trigger.name());
        }
        writer.removeTable(name);
        txn.dropTreeAtCommit(t.treeName());
        for (IndexDef i : t.indexes()) {
          txn.dropTreeAtCommit(i.treeName());
        }
        return;
      }
      case VIEW: {
        if (catalog().view(name) == null) {
          missing(node.ifExists, SqlStates.UNDEFINED_TABLE, "view " + name + " not found");
          return;
        }
        dropDependentViews(name, node.cascade);
        writer.removeView(name);
        return;
      }
      case INDEX: {
        TableDef t = catalog().tableOfIndex(name);
        if (t == null) {
          missing(node.ifExists, SqlStates.UNDEFINED_INDEX, "index " + name + " not found");
          return;
        }
        List<IndexDef> indexes = new ArrayList<>();
        for (IndexDef i : t.indexes()) {
          if (i.name().equals(name)) {
            txn.dropTreeAtCommit(i.treeName());
          } else {
            indexes.add(i);
          }
        }
        writer.putTable(t.with(t.columns(), indexes));
        return;
      }
      case TRIGGER:
        triggers().drop(name, node.ifExists);
        return;
      default:
        throw new IllegalStateException();
    }
  }

  /**
   * Views whose query mentions {@code name} (as a word, outside quotes or inside them) depend on
   * it: with CASCADE they are dropped too, otherwise the drop fails (2BP01).
   */
  private void dropDependentViews(String name, boolean cascade) {
    for (ViewDef v : new ArrayList<>(catalog().views().values())) {
      if (v.name().equals(name) || !mentions(v.sql(), name)) {
        continue;
      }
      if (!cascade) {
        throw new EngineException(SqlStates.DEPENDENT_OBJECTS, "cannot drop " + name + ": view " + v.name()
            + " depends on it (use CASCADE)");
      }
      dropDependentViews(v.name(), true);
      writer.removeView(v.name());
    }
  }

  private static boolean mentions(String sql, String name) {
    return java.util.regex.Pattern.compile("(?i)(^|[^A-Za-z0-9_$])\"?" + java.util.regex.Pattern.quote(name)
        + "\"?($|[^A-Za-z0-9_$])").matcher(sql).find();
  }

  private static void missing(boolean ifExists, String state, String message) {
    if (!ifExists) {
      throw new EngineException(state, message);
    }
  }

  private void addColumn(SqlAlterTableAddColumn node) {
    String tableName = name(node.table);
    TableDef t = catalog().table(tableName);
    if (t == null) {
      throw new EngineException(SqlStates.UNDEFINED_TABLE, "table " + tableName + " not found");
    }
    if (!node.constraints.isEmpty() || node.columns.size() != 1) {
      throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED,
          "ALTER TABLE ADD supports one column without constraints; create a unique index instead");
    }
    ColumnDef c = column((SqlColumnDefinition) node.columns.get(0));
    if (c.identity()) {
      throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "cannot add an identity column to an existing table");
    }
    if (t.columnIndex(c.name()) >= 0) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, "column " + c.name() + " already exists in table " + tableName);
    }
    if (!c.nullable() && c.defaultValue() == null && Storage.call(() -> txn.tree(t.treeName()).entries()) > 0) {
      throw new EngineException(SqlStates.NOT_NULL_VIOLATION, "cannot add NOT NULL column " + c.name()
          + " without a DEFAULT to table " + tableName + ", which has rows");
    }
    List<ColumnDef> columns = new ArrayList<>(t.columns());
    columns.add(c);
    writer.putTable(t.with(columns, t.indexes()));
  }
}
