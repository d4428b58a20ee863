package dev.ferrite.sqltests.differential;

import java.util.List;
import java.util.SplittableRandom;

/** The generators' random choices, all from one seeded {@link SplittableRandom} so a seed replays a run. */
final class Dice {
  private final SplittableRandom random;

  Dice(long seed) {
    random = new SplittableRandom(seed);
  }

  boolean chance(double p) {
    return random.nextDouble() < p;
  }

  /** A number in [from, to], both included. */
  int between(int from, int to) {
    return random.nextInt(from, to + 1);
  }

  long nextLong() {
    return random.nextLong();
  }

  <T> T pick(List<T> choices) {
    return choices.get(random.nextInt(choices.size()));
  }

  @SafeVarargs final <T> T pick(T... choices) {
    return choices[random.nextInt(choices.length)];
  }
}
