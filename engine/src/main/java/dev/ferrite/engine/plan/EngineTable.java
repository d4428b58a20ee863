package dev.ferrite.engine.plan;

import dev.ferrite.engine.catalog.ColumnDef;
import dev.ferrite.engine.catalog.IndexDef;
import dev.ferrite.engine.catalog.TableDef;
import dev.ferrite.engine.expr.RelTypes;
import dev.ferrite.engine.table.TableCodec;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.apache.calcite.linq4j.QueryProvider;
import org.apache.calcite.linq4j.Queryable;
import org.apache.calcite.plan.RelOptCluster;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.prepare.Prepare;
import org.apache.calcite.rel.RelCollations;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.logical.LogicalTableModify;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.schema.ColumnStrategy;
import org.apache.calcite.schema.ModifiableTable;
import org.apache.calcite.schema.SchemaPlus;
import org.apache.calcite.schema.Statistic;
import org.apache.calcite.schema.Statistics;
import org.apache.calcite.schema.impl.AbstractTable;
import org.apache.calcite.sql2rel.InitializerContext;
import org.apache.calcite.sql2rel.InitializerExpressionFactory;
import org.apache.calcite.sql2rel.NullInitializerExpressionFactory;
import org.apache.calcite.util.DateString;
import org.apache.calcite.util.ImmutableBitSet;
import org.apache.calcite.util.NlsString;
import org.apache.calcite.util.TimeString;
import org.apache.calcite.util.TimestampString;

/**
 * A Ferrite table as the validator and planner see it: row type, statistics (row count, unique
 * keys, primary-key order) and column defaults. It implements {@link ModifiableTable} only
 * because Calcite's validator asks for it before allowing INSERT/UPDATE/DELETE; Calcite never
 * executes anything against it (our ModifyNode does the writing).
 */
final class EngineTable extends AbstractTable implements ModifiableTable {
  final TableDef def;
  final TableCodec codec;
  final long rowCount;
  private final Initializer initializer = new Initializer();

  EngineTable(TableDef def, TableCodec codec, long rowCount) {
    this.def = def;
    this.codec = codec;
    this.rowCount = rowCount;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory f) {
    RelDataTypeFactory.Builder b = f.builder();
    for (ColumnDef c : def.columns()) {
      b.add(c.name(), RelTypes.toRelType(f, c.type(), c.nullable()));
    }
    return b.build();
  }

  @Override public Statistic getStatistic() {
    List<ImmutableBitSet> keys = new ArrayList<>();
    if (def.primaryKey() != null) {
      keys.add(ImmutableBitSet.of(def.primaryKey().columns()));
    }
    for (IndexDef i : def.indexes()) {
      // A UNIQUE index admits any number of rows with a NULL in its columns, so it is a key for
      // the planner (which then drops DISTINCT and GROUP BY on it) only when they are NOT NULL.
      if (i.unique() && allNotNull(i)) {
        keys.add(ImmutableBitSet.of(i.columns()));
      }
    }
    return Statistics.of(Math.max(1, rowCount), keys,
        def.primaryKey() == null ? List.of() : List.of(RelCollations.of(org.apache.calcite.util.ImmutableIntList.of(def.primaryKey().columns()))));
  }

  private boolean allNotNull(IndexDef index) {
    for (int c : index.columns()) {
      if (def.columns().get(c).nullable()) {
        return false;
      }
    }
    return true;
  }

  @Override public <C> C unwrap(Class<C> aClass) {
    if (aClass.isInstance(initializer)) {
      return aClass.cast(initializer);
    }
    return super.unwrap(aClass);
  }

  @Override public Collection<?> getModifiableCollection() {
    throw new UnsupportedOperationException("Ferrite tables are written by the engine, not through Calcite");
  }

  @Override public TableModify toModificationRel(RelOptCluster cluster, RelOptTable table,
      Prepare.CatalogReader catalogReader, RelNode child, TableModify.Operation operation,
      List<String> updateColumnList, List<RexNode> sourceExpressionList, boolean flattened) {
    return LogicalTableModify.create(table, catalogReader, child, operation, updateColumnList,
        sourceExpressionList, flattened);
  }

  @Override public <T> Queryable<T> asQueryable(QueryProvider queryProvider, SchemaPlus schema, String tableName) {
    throw new UnsupportedOperationException();
  }

  @Override public java.lang.reflect.Type getElementType() {
    return Object[].class;
  }

  @Override public org.apache.calcite.linq4j.tree.Expression getExpression(SchemaPlus schema, String tableName,
      Class clazz) {
    throw new UnsupportedOperationException();
  }

  /** DEFAULT values and identity columns for INSERTs that omit columns. */
  private final class Initializer extends NullInitializerExpressionFactory {
    @Override public ColumnStrategy generationStrategy(RelOptTable table, int iColumn) {
      ColumnDef c = def.columns().get(iColumn);
      if (c.identity() || c.defaultSql() != null) {
        return ColumnStrategy.DEFAULT;
      }
      return c.nullable() ? ColumnStrategy.NULLABLE : ColumnStrategy.NOT_NULLABLE;
    }

    @Override public RexNode newColumnDefaultValue(RelOptTable table, int iColumn, InitializerContext context) {
      ColumnDef c = def.columns().get(iColumn);
      RexBuilder rb = context.getRexBuilder();
      RelDataType type = table.getRowType().getFieldList().get(iColumn).getType();
      RelDataType nullableType = rb.getTypeFactory().createTypeWithNullability(type, true);
      if (c.identity() || c.defaultValue() == null) {
        // An identity column's value is assigned by the writer when it receives NULL.
        return rb.makeNullLiteral(nullableType);
      }
      return rb.makeLiteral(calciteValue(c.defaultValue()), type, true);
    }
  }

  /** Our value as the class RexBuilder.makeLiteral expects. */
  static Object calciteValue(Object v) {
    if (v instanceof Long) {
      return BigDecimal.valueOf((Long) v);
    }
    if (v instanceof Double) {
      return BigDecimal.valueOf((Double) v);
    }
    if (v instanceof String) {
      return new NlsString((String) v, null, null);
    }
    if (v instanceof java.time.LocalDate) {
      return new DateString(v.toString());
    }
    if (v instanceof java.time.LocalTime) {
      return new TimeString(v.toString());
    }
    if (v instanceof java.time.LocalDateTime) {
      return new TimestampString(v.toString().replace('T', ' '));
    }
    if (v instanceof byte[]) {
      return new org.apache.calcite.avatica.util.ByteString((byte[]) v);
    }
    return v;
  }
}
