package dev.ferrite.engine.plan;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import org.apache.calcite.plan.RelOptUtil;
import org.apache.calcite.rel.RelNode;
import org.apache.calcite.rel.core.JoinRelType;
import org.apache.calcite.rel.logical.LogicalFilter;
import org.apache.calcite.rel.logical.LogicalJoin;
import org.apache.calcite.rel.logical.LogicalProject;
import org.apache.calcite.rex.RexBuilder;
import org.apache.calcite.rex.RexCall;
import org.apache.calcite.rex.RexInputRef;
import org.apache.calcite.rex.RexNode;
import org.apache.calcite.rex.RexShuttle;
import org.apache.calcite.rex.RexUtil;
import org.apache.calcite.sql.SqlKind;

/**
 * Greedy join order for trees of inner joins, so that FROM lists written as cross products
 * (SQLite's select5 joins up to 64 tables that way) join on their conditions.
 *
 * <p>A <em>region</em> is a maximal tree of inner joins and filters above them; its other
 * inputs are its <em>leaves</em>. The conjuncts of every join condition and filter in the region
 * are collected. Conjuncts over one leaf (or none) become a filter on that leaf (or the first
 * one); the others are <em>edges</em> between leaves, equalities between two leaves being the
 * ones that order the joins. The new order is left-deep: start with the leaf of fewest estimated
 * rows that has an equality edge; then repeatedly add, among the leaves with an equality edge
 * into the joined set, the one giving the smallest estimated result (ties go to the leaf written
 * first); only when no such leaf remains, add the smallest remaining leaf as a cross product.
 * Each conjunct goes into the first join where all its leaves are present. A project on top
 * restores the region's field order, so nothing above it changes. Only inner joins are moved,
 * so the rows are those of the written order; a region with a non-deterministic conjunct keeps
 * its order (moving it would change how often it is evaluated).
 *
 * <p>Estimates ({@link RowEstimates}): a leaf's rows from its table's row count and its filter;
 * joining a leaf multiplies the rows and divides by the larger leaf row count for each equality
 * edge (the textbook selectivity, taking a column's distinct values as its leaf's rows).
 *
 * <p>Why our own: Calcite's {@code LoptOptimizeJoinRule} computes row counts and costs of
 * candidate subtrees through reflective metadata calls for every factor it places: 8–40 s to
 * plan one of select5's 40–64-table joins, which then run in a millisecond. This greedy pass
 * uses no metadata for table leaves and is quadratic in the number of leaves (64 tables: well
 * under a second, most of it now Calcite's validation).
 */
final class JoinOrder {
  /** Regions with fewer leaves keep their written order (the physical planner picks join sides). */
  private static final int MIN_LEAVES = 3;

  private final RexBuilder rexBuilder;

  private JoinOrder(RexBuilder rexBuilder) {
    this.rexBuilder = rexBuilder;
  }

  /** {@code rel} with each region of at least three leaves re-ordered; row types are unchanged. */
  static RelNode apply(RelNode rel) {
    return new JoinOrder(rel.getCluster().getRexBuilder()).visit(rel);
  }

  private RelNode visit(RelNode rel) {
    if (isRegionNode(rel)) {
      Region region = new Region();
      collect(rel, 0, region);
      if (region.leaves.size() >= MIN_LEAVES && region.movable()) {
        region.leaves.replaceAll(this::visit);
        return order(rel, region);
      }
    }
    List<RelNode> inputs = new ArrayList<>();
    boolean changed = false;
    for (RelNode input : rel.getInputs()) {
      RelNode visited = visit(input);
      inputs.add(visited);
      changed |= visited != input;
    }
    return changed ? rel.copy(rel.getTraitSet(), inputs) : rel;
  }

  private static boolean isInnerJoin(RelNode rel) {
    return rel instanceof LogicalJoin && ((LogicalJoin) rel).getJoinType() == JoinRelType.INNER
        && ((LogicalJoin) rel).getVariablesSet().isEmpty();
  }

  private static boolean isRegionNode(RelNode rel) {
    return isInnerJoin(rel) || rel instanceof LogicalFilter
        && ((LogicalFilter) rel).getVariablesSet().isEmpty() && isRegionNode(((LogicalFilter) rel).getInput());
  }

  /** The leaves and conjuncts of a region; conjuncts address the leaves' fields concatenated in written order. */
  private static final class Region {
    final List<RelNode> leaves = new ArrayList<>();
    final List<Integer> offsets = new ArrayList<>();
    final List<RexNode> conjuncts = new ArrayList<>();

    boolean movable() {
      for (RexNode c : conjuncts) {
        if (!RexUtil.isDeterministic(c) || RexUtil.SubQueryFinder.find(c) != null) {
          return false;
        }
      }
      return true;
    }

    /** The leaf owning each field. */
    int[] fieldLeaves() {
      int width = offsets.get(offsets.size() - 1) + leaves.get(leaves.size() - 1).getRowType().getFieldCount();
      int[] owner = new int[width];
      for (int leaf = 0; leaf < leaves.size(); leaf++) {
        int end = offsets.get(leaf) + leaves.get(leaf).getRowType().getFieldCount();
        for (int f = offsets.get(leaf); f < end; f++) {
          owner[f] = leaf;
        }
      }
      return owner;
    }
  }

  /** A join's fields are its left input's followed by its right input's: a subtree at {@code offset} shifts by it. */
  private static void collect(RelNode rel, int offset, Region region) {
    if (isInnerJoin(rel)) {
      LogicalJoin join = (LogicalJoin) rel;
      collect(join.getLeft(), offset, region);
      collect(join.getRight(), offset + join.getLeft().getRowType().getFieldCount(), region);
      addConjuncts(join.getCondition(), offset, region);
    } else if (isRegionNode(rel)) {
      LogicalFilter filter = (LogicalFilter) rel;
      collect(filter.getInput(), offset, region);
      addConjuncts(filter.getCondition(), offset, region);
    } else {
      region.leaves.add(rel);
      region.offsets.add(offset);
    }
  }

  private static void addConjuncts(RexNode condition, int offset, Region region) {
    for (RexNode c : RelOptUtil.conjunctions(condition)) {
      region.conjuncts.add(RexUtil.shift(c, offset));
    }
  }

  /** The region re-joined in greedy order under a project that restores {@code root}'s fields. */
  private RelNode order(RelNode root, Region region) {
    int n = region.leaves.size();
    int[] owner = region.fieldLeaves();
    List<List<RexNode>> leafFilters = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      leafFilters.add(new ArrayList<>());
    }
    List<RexNode> spanning = new ArrayList<>();
    List<BitSet> spans = new ArrayList<>();
    for (RexNode c : region.conjuncts) {
      BitSet leaves = leavesOf(c, owner);
      if (leaves.cardinality() <= 1) {
        int leaf = leaves.isEmpty() ? 0 : leaves.nextSetBit(0);
        leafFilters.get(leaf).add(RexUtil.shift(c, -region.offsets.get(leaf)));
      } else {
        spanning.add(c);
        spans.add(leaves);
      }
    }
    List<RelNode> leaves = new ArrayList<>();
    double[] rows = new double[n];
    for (int i = 0; i < n; i++) {
      leaves.add(withFilter(region.leaves.get(i), leafFilters.get(i)));
      rows[i] = RowEstimates.rows(leaves.get(i));
    }
    int[] sequence = greedy(rows, equalityEdges(spanning, owner, n));
    return build(root, region, leaves, sequence, spanning, spans);
  }

  /** The leaves {@code e} reads fields of. */
  private static BitSet leavesOf(RexNode e, int[] owner) {
    BitSet leaves = new BitSet();
    RelOptUtil.InputFinder.bits(e).forEach(f -> leaves.set(owner[f]));
    return leaves;
  }

  /** {@code edges[a][b]}: the number of equalities between an expression of leaf a and one of leaf b. */
  private static int[][] equalityEdges(List<RexNode> spanning, int[] owner, int n) {
    int[][] edges = new int[n][n];
    for (RexNode c : spanning) {
      if (c.getKind() != SqlKind.EQUALS) {
        continue;
      }
      BitSet left = leavesOf(((RexCall) c).getOperands().get(0), owner);
      BitSet right = leavesOf(((RexCall) c).getOperands().get(1), owner);
      if (left.cardinality() == 1 && right.cardinality() == 1 && !left.equals(right)) {
        int a = left.nextSetBit(0);
        int b = right.nextSetBit(0);
        edges[a][b]++;
        edges[b][a]++;
      }
    }
    return edges;
  }

  /** The leaves in join order (see the class comment), given each leaf's rows and the equality edges. */
  static int[] greedy(double[] rows, int[][] edges) {
    int n = rows.length;
    boolean[] joined = new boolean[n];
    int[] sequence = new int[n];
    sequence[0] = first(rows, edges);
    joined[sequence[0]] = true;
    double current = rows[sequence[0]];
    for (int k = 1; k < n; k++) {
      int best = -1;
      double bestRows = 0;
      for (int t = 0; t < n; t++) {
        double result = joined[t] ? -1 : joinedRows(current, t, rows, edges, joined);
        if (result >= 0 && (best < 0 || result < bestRows || result == bestRows && rows[t] < rows[best])) {
          best = t;
          bestRows = result;
        }
      }
      if (best < 0) {
        best = smallest(rows, joined);
        bestRows = current * rows[best];
      }
      sequence[k] = best;
      joined[best] = true;
      current = bestRows;
    }
    return sequence;
  }

  /**
   * The estimated rows of joining leaf {@code t} to the joined set of {@code current} rows, or -1
   * when no equality connects them. Each edge divides by the larger of its two leaves' rows.
   */
  private static double joinedRows(double current, int t, double[] rows, int[][] edges, boolean[] joined) {
    double result = current * rows[t];
    boolean connected = false;
    for (int s = 0; s < rows.length; s++) {
      if (joined[s] && edges[s][t] > 0) {
        connected = true;
        result /= Math.pow(Math.max(1, Math.max(rows[s], rows[t])), edges[s][t]);
      }
    }
    return connected ? result : -1;
  }

  /** The leaf of fewest rows among those with an equality edge, else among all. */
  private static int first(double[] rows, int[][] edges) {
    boolean[] isolated = new boolean[rows.length];
    boolean anyEdge = false;
    for (int i = 0; i < rows.length; i++) {
      isolated[i] = true;
      for (int count : edges[i]) {
        isolated[i] &= count == 0;
      }
      anyEdge |= !isolated[i];
    }
    return smallest(rows, anyEdge ? isolated : new boolean[rows.length]);
  }

  /** The first leaf of fewest rows not excluded. */
  private static int smallest(double[] rows, boolean[] excluded) {
    int best = -1;
    for (int i = 0; i < rows.length; i++) {
      if (!excluded[i] && (best < 0 || rows[i] < rows[best])) {
        best = i;
      }
    }
    return best;
  }

  /** Left-deep joins in {@code sequence}, each with the conjuncts that become complete there. */
  private RelNode build(RelNode root, Region region, List<RelNode> leaves, int[] sequence,
      List<RexNode> spanning, List<BitSet> spans) {
    int[] position = new int[root.getRowType().getFieldCount()];
    BitSet joined = new BitSet();
    boolean[] placed = new boolean[spanning.size()];
    RelNode tree = null;
    int width = 0;
    for (int leaf : sequence) {
      RelNode input = leaves.get(leaf);
      int fields = input.getRowType().getFieldCount();
      for (int f = 0; f < fields; f++) {
        position[region.offsets.get(leaf) + f] = width + f;
      }
      width += fields;
      joined.set(leaf);
      if (tree == null) {
        tree = input;
        continue;
      }
      List<RexNode> condition = new ArrayList<>();
      for (int c = 0; c < spanning.size(); c++) {
        if (!placed[c] && isSubset(spans.get(c), joined)) {
          placed[c] = true;
          condition.add(remap(spanning.get(c), position));
        }
      }
      tree = LogicalJoin.create(tree, input, List.of(), RexUtil.composeConjunction(rexBuilder, condition),
          java.util.Set.of(), JoinRelType.INNER);
    }
    List<RexNode> restore = new ArrayList<>();
    for (int f = 0; f < position.length; f++) {
      restore.add(new RexInputRef(position[f], root.getRowType().getFieldList().get(f).getType()));
    }
    return LogicalProject.create(tree, List.of(), restore, root.getRowType());
  }

  private static boolean isSubset(BitSet a, BitSet b) {
    BitSet rest = (BitSet) a.clone();
    rest.andNot(b);
    return rest.isEmpty();
  }

  /** A leaf with its own conjuncts: merged into its filter over a table, so access paths see them all. */
  private RelNode withFilter(RelNode leaf, List<RexNode> conjuncts) {
    if (conjuncts.isEmpty()) {
      return leaf;
    }
    if (leaf instanceof LogicalFilter && ((LogicalFilter) leaf).getVariablesSet().isEmpty()) {
      List<RexNode> all = new ArrayList<>(RelOptUtil.conjunctions(((LogicalFilter) leaf).getCondition()));
      all.addAll(conjuncts);
      return LogicalFilter.create(((LogicalFilter) leaf).getInput(), RexUtil.composeConjunction(rexBuilder, all));
    }
    return LogicalFilter.create(leaf, RexUtil.composeConjunction(rexBuilder, conjuncts));
  }

  private static RexNode remap(RexNode e, int[] position) {
    return e.accept(new RexShuttle() {
      @Override public RexNode visitInputRef(RexInputRef ref) {
        return new RexInputRef(position[ref.getIndex()], ref.getType());
      }
    });
  }
}
