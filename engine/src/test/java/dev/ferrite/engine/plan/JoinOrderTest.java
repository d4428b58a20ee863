package dev.ferrite.engine.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.api.Test;

/** The greedy sequence itself, on row estimates and equality edges given by hand. */
class JoinOrderTest {
  private static int[][] edges(int n, int[]... pairs) {
    int[][] edges = new int[n][n];
    for (int[] p : pairs) {
      edges[p[0]][p[1]]++;
      edges[p[1]][p[0]]++;
    }
    return edges;
  }

  @Test void startsAtTheSmallestConnectedLeafAndFollowsEdges() {
    // Chain 0-1-2-3, leaf 2 filtered to one row; ties go to the leaf written first.
    assertArrayEquals(new int[] {2, 1, 0, 3},
        JoinOrder.greedy(new double[] {10, 10, 1, 10}, edges(4, new int[] {0, 1}, new int[] {1, 2}, new int[] {2, 3})));
  }

  @Test void prefersTheSmallestJoinResult() {
    // From leaf 0 (1 row), joining leaf 1 or leaf 2 gives an estimated row each: the smaller leaf 2
    // goes first. Leaf 3 is reachable only through 1; leaf 4, smallest but isolated, comes last.
    assertArrayEquals(new int[] {0, 2, 1, 3, 4},
        JoinOrder.greedy(new double[] {1, 1000, 50, 1000, 0.5},
            edges(5, new int[] {0, 1}, new int[] {0, 2}, new int[] {1, 3})));
  }

  @Test void crossProductsOnlyWhenNoEdgeIsLeft() {
    // Components {0, 1} and {2, 3}: after the first, the smallest remaining leaf starts the second.
    assertArrayEquals(new int[] {1, 0, 3, 2},
        JoinOrder.greedy(new double[] {10, 5, 100, 20}, edges(4, new int[] {0, 1}, new int[] {2, 3})));
  }
}
