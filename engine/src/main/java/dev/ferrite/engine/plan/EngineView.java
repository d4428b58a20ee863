package dev.ferrite.engine.plan;

import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.catalog.ViewDef;
import java.util.List;
import org.apache.calcite.plan.RelOptTable;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.RelRoot;
import org.apache.calcite.rel.type.RelDataType;
import org.apache.calcite.rel.type.RelDataTypeFactory;
import org.apache.calcite.schema.TranslatableTable;
import org.apache.calcite.schema.impl.AbstractTable;

/** A view: its row type comes from validating its query; it expands into that query's plan. */
final class EngineView extends AbstractTable implements TranslatableTable {
  private final ViewDef def;
  private final SqlPlanner planner;
  private RelDataType rowType;

  EngineView(ViewDef def, SqlPlanner planner) {
    this.def = def;
    this.planner = planner;
  }

  @Override public RelDataType getRowType(RelDataTypeFactory typeFactory) {
    if (rowType == null) {
      rowType = planner.viewRowType(def);
    }
    return rowType;
  }

  @Override public RelNode toRel(RelOptTable.ToRelContext context, RelOptTable relOptTable) {
    RelRoot root = context.expandView(relOptTable.getRowType(), def.sql(), List.of(Catalog.SCHEMA),
        List.of(Catalog.SCHEMA, def.name()));
    return RelOptUtil.createCastRel(root.project(), relOptTable.getRowType(), true);
  }
}
