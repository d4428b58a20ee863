package dev.ferrite.engine.plan;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.engine.exec.AggregateSpec;
import dev.ferrite.engine.exec.CorrelateNode;
import dev.ferrite.engine.exec.FilterNode;
import dev.ferrite.engine.exec.HashAggregateNode;
import dev.ferrite.engine.exec.HashJoinNode;
import dev.ferrite.engine.exec.JoinKind;
import dev.ferrite.engine.exec.LimitNode;
import dev.ferrite.engine.exec.ModifyNode;
import dev.ferrite.engine.exec.NestedLoopJoinNode;
import dev.ferrite.engine.exec.PlanNode;
import dev.ferrite.engine.exec.ProjectNode;
import dev.ferrite.engine.exec.SetOpNode;
import dev.ferrite.engine.exec.SortNode;
import dev.ferrite.engine.exec.ValuesNode;
import dev.ferrite.engine.expr.Expr;
import dev.ferrite.engine.expr.ExprCompiler;
import dev.ferrite.engine.expr.RelTypes;
import dev.ferrite.engine.table.TableCodec;
import java.util.ArrayList;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelFieldCollation;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.Aggregate;
import org.apache.calcite.rel.core.AggregateCall;
import org.apache.calcite.rel.core.Correlate;
import org.apache.calcite.rel.core.Filter;
import org.apache.calcite.rel.core.Intersect;
import org.apache.calcite.rel.core.Join;
import org.apache.calcite.rel.core.JoinInfo;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.core.Minus;
import org.apache.calcite.rel.core.Project;
import org.apache.calcite.rel.core.SetOp;
import org.apache.calcite.rel.core.Sort;
import org.apache.calcite.rel.core.TableModify;
import org.apache.calcite.rel.core.TableScan;
import org.apache.calcite.rel.core.Union;
import org.apache.calcite.rel.core.Values;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexLiteral;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;
import org.apache.calcite.util.ImmutableBitSet;

/**
 * Translates an optimized logical plan into executable nodes: index access paths for filtered
 * scans (and for sorts an index can deliver), hash joins on equalities, nested loops otherwise,
 * hash aggregation, top-N sorts.
 */
public final class PhysicalPlanner {
  private final RexBuilder rexBuilder;

  public PhysicalPlanner(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** Translates {@code rel}. */
  public PlanNode translate(RelNode rel) {
    if (rel instanceof TableModify) {
      return modify((TableModify) rel);
    }
    if (rel instanceof Sort) {
      return sort((Sort) rel);
    }
    if (rel instanceof Filter) {
      Filter f = (Filter) rel;
      if (f.getInput() instanceof TableScan) {
        return scan((TableScan) f.getInput(), f.getCondition(), List.of()).node;
      }
      RexNode cond = expand(f.getCondition());
      return new FilterNode(translate(f.getInput()), ExprCompiler.compile(cond), cond.toString());
    }
    if (rel instanceof TableScan) {
      return scan((TableScan) rel, null, List.of()).node;
    }
    if (rel instanceof Project) {
      Project p = (Project) rel;
      PlanNode input = projectedScan(p);
      if (input == null) {
        input = translate(p.getInput());
      }
      if (isIdentity(p)) {
        return input;
      }
      return project(input, p.getProjects());
    }
    if (rel instanceof Join) {
      return join((Join) rel);
    }
    if (rel instanceof Correlate) {
      Correlate c = (Correlate) rel;
      return new CorrelateNode(translate(c.getLeft()), translate(c.getRight()), c.getCorrelationId().getId(),
          joinKind(c.getJoinType()));
    }
    if (rel instanceof Aggregate) {
      return aggregate((Aggregate) rel);
    }
    if (rel instanceof Values) {
      Values v = (Values) rel;
      Expr[][] rows = new Expr[v.getTuples().size()][];
      for (int i = 0; i < rows.length; i++) {
        List<RexLiteral> t = v.getTuples().get(i);
        rows[i] = new Expr[t.size()];
        for (int j = 0; j < t.size(); j++) {
          rows[i][j] = ExprCompiler.compile(t.get(j));
        }
      }
      return new ValuesNode(rows, v.getRowType().getFieldCount());
    }
    if (rel instanceof SetOp) {
      SetOp s = (SetOp) rel;
      List<PlanNode> inputs = new ArrayList<>();
      for (RelNode in : s.getInputs()) {
        inputs.add(translate(in));
      }
      SetOpNode.Op op = s instanceof Union ? SetOpNode.Op.UNION
          : s instanceof Intersect ? SetOpNode.Op.INTERSECT : SetOpNode.Op.EXCEPT;
      assert s instanceof Union || s instanceof Intersect || s instanceof Minus;
      return new SetOpNode(op, s.all, inputs);
    }
    throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "not supported yet: " + rel.getRelTypeName());
  }

  private PlanNode project(PlanNode input, List<RexNode> projects) {
    Expr[] exprs = new Expr[projects.size()];
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < exprs.length; i++) {
      RexNode e = expand(projects.get(i));
      exprs[i] = ExprCompiler.compile(e);
      text.append(i > 0 ? ", " : "").append(e);
    }
    return new ProjectNode(input, exprs, text.toString());
  }

  private static boolean isIdentity(Project p) {
    if (p.getProjects().size() != p.getInput().getRowType().getFieldCount()) {
      return false;
    }
    for (int i = 0; i < p.getProjects().size(); i++) {
      RexNode e = p.getProjects().get(i);
      if (!(e instanceof RexInputRef) || ((RexInputRef) e).getIndex() != i) {
        return false;
      }
    }
    return true;
  }

  private RexNode expand(RexNode n) {
    return RexUtil.expandSearch(rexBuilder, null, n);
  }

  private AccessPaths.Choice scan(TableScan scan, RexNode condition, List<RelFieldCollation> order) {
    return scan(scan, condition, order, null);
  }

  /** {@code decoded}: the columns the scan's consumers read (null: all). */
  private AccessPaths.Choice scan(TableScan scan, RexNode condition, List<RelFieldCollation> order,
      boolean[] decoded) {
    EngineTable table = scan.getTable().unwrap(EngineTable.class);
    if (table == null) {
      throw new EngineException(SqlStates.INTERNAL_ERROR, "not a Ferrite table: " + scan.getTable().getQualifiedName());
    }
    TableCodec codec = decoded == null ? table.codec : table.codec.decodingOnly(decoded);
    return AccessPaths.choose(rexBuilder, codec, table.rowCount, condition == null ? null : expand(condition), order);
  }

  /**
   * The scan under a project that reads only some of the table's columns (with the filter
   * merged into it, if any), decoding only the columns the project and the filter use; null
   * when the project's input is not a scan or it uses every column.
   */
  private PlanNode projectedScan(Project p) {
    RelNode input = p.getInput();
    RexNode condition = null;
    if (input instanceof Filter && ((Filter) input).getInput() instanceof TableScan) {
      condition = ((Filter) input).getCondition();
      input = ((Filter) input).getInput();
    }
    if (!(input instanceof TableScan)) {
      return null;
    }
    ImmutableBitSet used = RelOptUtil.InputFinder.bits(p.getProjects(), condition);
    int width = input.getRowType().getFieldCount();
    if (used.cardinality() == width) {
      return null;
    }
    boolean[] decoded = new boolean[width];
    used.forEach(i -> decoded[i] = true);
    return scan((TableScan) input, condition, List.of(), decoded).node;
  }

  /** A sort: dropped when an index scan can deliver the order, else a (top-N) sort. */
  private PlanNode sort(Sort s) {
    Expr offset = s.offset == null ? null : ExprCompiler.compile(s.offset);
    Expr fetch = s.fetch == null ? null : ExprCompiler.compile(s.fetch);
    List<RelFieldCollation> fields = s.getCollation().getFieldCollations();
    if (fields.isEmpty()) {
      return new LimitNode(translate(s.getInput()), offset, fetch);
    }
    PlanNode ordered = orderedAccess(s.getInput(), fields);
    if (ordered != null) {
      return offset == null && fetch == null ? ordered : new LimitNode(ordered, offset, fetch);
    }
    int[] idx = new int[fields.size()];
    boolean[] desc = new boolean[idx.length];
    boolean[] nullsFirst = new boolean[idx.length];
    for (int i = 0; i < idx.length; i++) {
      RelFieldCollation f = fields.get(i);
      idx[i] = f.getFieldIndex();
      desc[i] = f.direction == RelFieldCollation.Direction.DESCENDING;
      nullsFirst[i] = f.nullDirection == RelFieldCollation.NullDirection.FIRST
          || (f.nullDirection == RelFieldCollation.NullDirection.UNSPECIFIED && !desc[i]);
    }
    return new SortNode(translate(s.getInput()), idx, desc, nullsFirst, offset, fetch);
  }

  /**
   * The input read in the requested order through an index, when it is a (projected, filtered)
   * table scan and some index yields that order; otherwise null.
   */
  private PlanNode orderedAccess(RelNode input, List<RelFieldCollation> fields) {
    Project project = null;
    RelNode below = input;
    if (below instanceof Project) {
      project = (Project) below;
      below = project.getInput();
    }
    RexNode condition = null;
    if (below instanceof Filter) {
      condition = ((Filter) below).getCondition();
      below = ((Filter) below).getInput();
    }
    if (!(below instanceof TableScan)) {
      return null;
    }
    List<RelFieldCollation> mapped = new ArrayList<>();
    for (RelFieldCollation f : fields) {
      int field = f.getFieldIndex();
      if (project != null) {
        RexNode e = project.getProjects().get(field);
        if (!(e instanceof RexInputRef)) {
          return null;
        }
        field = ((RexInputRef) e).getIndex();
      }
      mapped.add(f.withFieldIndex(field));
    }
    AccessPaths.Choice choice = scan((TableScan) below, condition, mapped);
    if (!choice.ordered) {
      return null;
    }
    return project == null || isIdentity(project) ? choice.node : project(choice.node, project.getProjects());
  }

  private PlanNode join(Join j) {
    JoinKind kind = joinKind(j.getJoinType());
    JoinInfo info = j.analyzeCondition();
    PlanNode lookup = indexLookupJoin(j, kind, info);
    if (lookup != null) {
      return lookup;
    }
    PlanNode left = translate(j.getLeft());
    PlanNode right = translate(j.getRight());
    RexNode condition = expand(j.getCondition());
    if (!info.leftKeys.isEmpty()) {
      RexNode residual = info.isEqui() ? null : expand(info.getRemaining(rexBuilder));
      return new HashJoinNode(left, right, info.leftKeys.toIntArray(), info.rightKeys.toIntArray(),
          residual == null || residual.isAlwaysTrue() ? null : ExprCompiler.compile(residual), kind,
          condition.toString());
    }
    return new NestedLoopJoinNode(left, right,
        condition.isAlwaysTrue() ? null : ExprCompiler.compile(condition), kind,
        condition.isAlwaysTrue() ? null : condition.toString());
  }

  /**
   * Index nested-loop join: when the right input is a (filtered) table with an index whose
   * leading columns are join keys, and the left input is much smaller than that table, each
   * left row looks its matches up through the index instead of hashing the whole table. Built
   * as a correlate whose right side is an index scan bounded by the current left row.
   */
  private PlanNode indexLookupJoin(Join j, JoinKind kind, JoinInfo info) {
    if (info.leftKeys.isEmpty() || !(kind == JoinKind.INNER || kind == JoinKind.LEFT && info.isEqui()
        || kind == JoinKind.SEMI && info.isEqui() || kind == JoinKind.ANTI && info.isEqui())) {
      return null;
    }
    RelNode rightRel = j.getRight();
    RexNode rightCondition = null;
    if (rightRel instanceof Filter && ((Filter) rightRel).getInput() instanceof TableScan) {
      rightCondition = ((Filter) rightRel).getCondition();
      rightRel = ((Filter) rightRel).getInput();
    }
    if (!(rightRel instanceof TableScan)) {
      return null;
    }
    EngineTable table = rightRel.getTable().unwrap(EngineTable.class);
    if (table == null) {
      return null;
    }
    double leftRows = j.getCluster().getMetadataQuery().getRowCount(j.getLeft());
    if (leftRows * 4 > table.rowCount) {
      return null;
    }
    List<dev.ferrite.engine.catalog.IndexDef> candidates = new ArrayList<>();
    if (table.def.primaryKey() != null) {
      candidates.add(table.def.primaryKey());
    }
    candidates.addAll(table.def.indexes());
    dev.ferrite.engine.catalog.IndexDef best = null;
    int[] bestLeftFields = null;
    for (dev.ferrite.engine.catalog.IndexDef index : candidates) {
      List<Integer> fields = new ArrayList<>();
      for (int k = 0; k < index.width(); k++) {
        int pos = info.rightKeys.indexOf(index.column(k));
        if (pos < 0) {
          break;
        }
        fields.add(info.leftKeys.get(pos));
      }
      if (!fields.isEmpty() && (bestLeftFields == null || fields.size() > bestLeftFields.length)) {
        best = index;
        bestLeftFields = fields.stream().mapToInt(Integer::intValue).toArray();
      }
    }
    if (best == null) {
      return null;
    }
    // The cluster's counter also numbers Calcite's own correlation variables, so ids never clash.
    int correlation = j.getCluster().createCorrel().getId();
    Expr[] bounds = new Expr[bestLeftFields.length];
    StringBuilder text = new StringBuilder();
    for (int k = 0; k < bounds.length; k++) {
      int field = bestLeftFields[k];
      bounds[k] = (row, ctx) -> ctx.correlation(correlation)[field];
      text.append(k > 0 ? ", " : "").append('$').append(best.column(k)).append(" = outer.$").append(field);
    }
    RexNode filter = rightCondition == null ? null : expand(rightCondition);
    // Rows found through a key prefix must still satisfy every key equality and the right filter.
    Expr keyCheck = keyCheck(info, correlation);
    Expr rightFilter = ExprCompiler.compile(filter == null ? rexBuilder.makeLiteral(true) : filter);
    Expr combined = (row, ctx) -> Boolean.TRUE.equals(keyCheck.eval(row, ctx))
        && Boolean.TRUE.equals(rightFilter.eval(row, ctx)) ? Boolean.TRUE : Boolean.FALSE;
    PlanNode scan = new dev.ferrite.engine.exec.IndexScanNode(table.codec, best, bounds, null, null, combined,
        text.toString(), filter == null ? null : filter.toString());
    PlanNode joined = new CorrelateNode(translate(j.getLeft()), scan, correlation, kind);
    if (kind == JoinKind.INNER && !info.isEqui()) {
      RexNode residual = expand(info.getRemaining(rexBuilder));
      joined = new FilterNode(joined, ExprCompiler.compile(residual), residual.toString());
    }
    return joined;
  }

  /** TRUE when every join-key column of the right row equals the outer row's key (SQL equality). */
  private static Expr keyCheck(JoinInfo info, int correlation) {
    int[] leftKeys = info.leftKeys.toIntArray();
    int[] rightKeys = info.rightKeys.toIntArray();
    return (row, ctx) -> {
      Object[] outer = ctx.correlation(correlation);
      for (int k = 0; k < leftKeys.length; k++) {
        Object a = outer[leftKeys[k]];
        Object b = row[rightKeys[k]];
        if (a == null || b == null || dev.ferrite.engine.type.Values.compare(a, b) != 0) {
          return Boolean.FALSE;
        }
      }
      return Boolean.TRUE;
    };
  }

  private static JoinKind joinKind(JoinRelType t) {
    switch (t) {
      case INNER: return JoinKind.INNER;
      case LEFT: return JoinKind.LEFT;
      case RIGHT: return JoinKind.RIGHT;
      case FULL: return JoinKind.FULL;
      case SEMI: return JoinKind.SEMI;
      case ANTI: return JoinKind.ANTI;
      default: throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "join type " + t);
    }
  }

  private PlanNode aggregate(Aggregate a) {
    if (a.getGroupType() != Aggregate.Group.SIMPLE) {
      throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "GROUPING SETS, ROLLUP and CUBE are not supported yet");
    }
    List<AggregateCall> calls = a.getAggCallList();
    AggregateSpec[] specs = new AggregateSpec[calls.size()];
    for (int i = 0; i < specs.length; i++) {
      AggregateCall c = calls.get(i);
      if (c.getArgList().size() > 1) {
        throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "aggregate " + c);
      }
      Object literal = c.getAggregation().getKind() == SqlKind.LITERAL_AGG
          ? ExprCompiler.literalValue((RexLiteral) c.rexList.get(0)) : null;
      specs[i] = new AggregateSpec(function(c), c.getArgList().isEmpty() ? -1 : c.getArgList().get(0),
          c.isDistinct(), c.filterArg, RelTypes.toColumnType(c.getType()), literal);
    }
    return new HashAggregateNode(translate(a.getInput()), a.getGroupSet().toArray(), specs);
  }

  private static AggregateSpec.Function function(AggregateCall c) {
    SqlKind k = c.getAggregation().getKind();
    switch (k) {
      case COUNT: return AggregateSpec.Function.COUNT;
      case SUM: return AggregateSpec.Function.SUM;
      case SUM0: return AggregateSpec.Function.SUM0;
      case AVG: return AggregateSpec.Function.AVG;
      case MIN: return AggregateSpec.Function.MIN;
      case MAX: return AggregateSpec.Function.MAX;
      case SINGLE_VALUE: return AggregateSpec.Function.SINGLE_VALUE;
      case ANY_VALUE: return AggregateSpec.Function.ANY_VALUE;
      case LITERAL_AGG: return AggregateSpec.Function.LITERAL;
      default:
        String name = c.getAggregation().getName();
        if (name.equals("EVERY") || name.equals("BOOL_AND")) {
          return AggregateSpec.Function.BOOL_AND;
        }
        if (name.equals("SOME") || name.equals("BOOL_OR")) {
          return AggregateSpec.Function.BOOL_OR;
        }
        throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, "aggregate function " + name + " is not supported yet");
    }
  }

  private PlanNode modify(TableModify m) {
    EngineTable table = m.getTable().unwrap(EngineTable.class);
    if (table == null) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, "cannot modify " + m.getTable().getQualifiedName()
          + ": only tables can be modified");
    }
    int[] updateColumns = new int[0];
    RelNode input = m.getInput();
    if (m.getOperation() == TableModify.Operation.UPDATE) {
      List<String> names = m.getUpdateColumnList();
      updateColumns = new int[names.size()];
      for (int i = 0; i < updateColumns.length; i++) {
        updateColumns[i] = table.def.columnIndex(names.get(i));
      }
    } else if (m.getOperation() != TableModify.Operation.INSERT && m.getOperation() != TableModify.Operation.DELETE) {
      throw new EngineException(SqlStates.FEATURE_NOT_SUPPORTED, m.getOperation() + " is not supported");
    }
    ModifyNode.Operation op = ModifyNode.Operation.valueOf(m.getOperation().name());
    return new ModifyNode(op, table.codec, withoutLengthCasts(input), updateColumns);
  }

  /**
   * Drops the casts to a bounded character or binary type that Calcite adds on assignment: the
   * table writer checks lengths itself and, as the standard requires for assignment, rejects a
   * value that does not fit (22001) instead of silently truncating it as CAST would.
   */
  private PlanNode withoutLengthCasts(RelNode input) {
    if (!(input instanceof Project)) {
      return translate(input);
    }
    Project p = (Project) input;
    List<RexNode> projects = new ArrayList<>();
    boolean changed = false;
    for (RexNode e : p.getProjects()) {
      if (e.getKind() == SqlKind.CAST) {
        RexNode operand = ((org.apache.calcite.rex.RexCall) e).getOperands().get(0);
        org.apache.calcite.sql.type.SqlTypeFamily from = operand.getType().getSqlTypeName().getFamily();
        org.apache.calcite.sql.type.SqlTypeFamily to = e.getType().getSqlTypeName().getFamily();
        if (from == to && (to == org.apache.calcite.sql.type.SqlTypeFamily.CHARACTER
            || to == org.apache.calcite.sql.type.SqlTypeFamily.BINARY)) {
          projects.add(operand);
          changed = true;
          continue;
        }
      }
      projects.add(e);
    }
    return changed ? project(translate(p.getInput()), projects) : translate(input);
  }
}
