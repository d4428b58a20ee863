package dev.ferrite.tools.bench;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.SplittableRandom;

/**
 * The data every benchmark uses, identical for Ferrite and LMDB: entry {@code i} (0 &le; i &lt; N)
 * has the 8-byte big-endian key {@code i} and a 100-byte value made of a fixed pseudo-random
 * template whose first 8 bytes are replaced by {@code i}. Random orders come from fixed seeds, so
 * both stores see the same sequence.
 */
public final class BenchData {
  /** Key length in bytes. */
  public static final int KEY_BYTES = 8;
  /** Value length in bytes. */
  public static final int VALUE_BYTES = 100;
  /** Entries read by one range scan. */
  public static final int SCAN_LENGTH = 1000;

  private static final VarHandle LONG_BE =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);
  private static final byte[] TEMPLATE = template();

  private BenchData() {}

  private static byte[] template() {
    byte[] bytes = new byte[VALUE_BYTES];
    new SplittableRandom(0x5eed).nextBytes(bytes);
    return bytes;
  }

  /** A fresh key buffer for Ferrite. */
  public static byte[] newKey() {
    return new byte[KEY_BYTES];
  }

  /** A fresh value buffer for Ferrite, holding the template. */
  public static byte[] newValue() {
    return TEMPLATE.clone();
  }

  /** A direct key buffer for LMDB (LMDB reads keys and values from native memory). */
  public static ByteBuffer newDirectKey() {
    return ByteBuffer.allocateDirect(KEY_BYTES).order(ByteOrder.BIG_ENDIAN);
  }

  /** A direct value buffer for LMDB, holding the template. */
  public static ByteBuffer newDirectValue() {
    ByteBuffer value = ByteBuffer.allocateDirect(VALUE_BYTES).order(ByteOrder.BIG_ENDIAN);
    value.put(0, TEMPLATE);
    return value;
  }

  /** Writes key {@code i} into {@code key} (8 bytes, big-endian). */
  public static void key(long i, byte[] key) {
    LONG_BE.set(key, 0, i);
  }

  /** Writes key {@code i} into {@code key}, position 0 to limit 8. */
  public static void key(long i, ByteBuffer key) {
    key.putLong(0, i);
  }

  /** Turns a value buffer made by {@link #newValue} into the value of entry {@code i}. */
  public static void value(long i, byte[] value) {
    LONG_BE.set(value, 0, i);
  }

  /** Turns a value buffer made by {@link #newDirectValue} into the value of entry {@code i}. */
  public static void value(long i, ByteBuffer value) {
    value.putLong(0, i);
  }

  /** A random permutation of {@code 0 .. n-1} (Fisher-Yates, fixed seed). */
  public static int[] shuffledIndexes(int n, long seed) {
    int[] order = new int[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = n - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    return order;
  }

  /**
   * A cheap deterministic stream of indexes in {@code [0, bound)}: call {@link #next} per operation.
   * A counter run through a 64-bit mixing function (the SplitMix64 finalizer), so the sequence is
   * the same for every store and costs a few nanoseconds.
   */
  public static final class IndexStream {
    private final long bound;
    private long counter;

    /** A stream over {@code [0, bound)} starting at position {@code seed}. */
    public IndexStream(long bound, long seed) {
      this.bound = bound;
      this.counter = seed;
    }

    /** The next index. */
    public long next() {
      long z = counter++ * 0x9E3779B97F4A7C15L;
      z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
      z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
      z = z ^ (z >>> 31);
      return Long.remainderUnsigned(z, bound);
    }
  }
}
