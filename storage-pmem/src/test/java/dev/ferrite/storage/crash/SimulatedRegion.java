package dev.ferrite.storage.crash;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.Region;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A simulated persistence domain (durability.md §8.2): a volatile image that the engine reads and
 * writes, and a persisted image that is all a power failure leaves behind.
 *
 * <p>The file is divided into atomic units: 512-byte sectors for PAGE granularity (a page of eight
 * sectors can tear), 8-byte words for CACHE_LINE and BYTE. Each unit keeps the history of values
 * stored into it since it was last known durable. A crash image takes, for every unit, its durable
 * value or any later value from its history: the page cache or the CPU cache may have written
 * back any of them, in any order.
 *
 * <ul>
 *   <li>PAGE: a unit becomes durable only at {@link #sync}.
 *   <li>CACHE_LINE: {@link #flush} marks the current value of every word of the touched lines;
 *       the next {@link #fence} makes those values the durable baseline.
 *   <li>BYTE (eADR): every store so far is durable at a fence.
 * </ul>
 * {@link #storeDurably} (an {@code O_DSYNC} write on PAGE granularity) makes only its own
 * range's units durable, after a crash point at which any of them may be torn.
 * A new file length is durable at the next {@link #sync} on PAGE granularity (like the real
 * backend, whose fdatasync persists the size) and at {@link #grow} otherwise. On CACHE_LINE,
 * {@link #sync} is only a fence, as on real persistent memory: nothing tracks unflushed stores for
 * the caller.
 *
 * <p>It also plays pmemcheck: {@link #pendingUnits} tells whether anything stored is not yet
 * durable, and {@link #redundantFlushes} counts flushes of lines with nothing to write back.
 */
final class SimulatedRegion implements Region, MappedFile {
  /** Called at each persistence point and at random stores; the simulator is mid-operation. */
  interface CrashPoints {
    void reached(SimulatedRegion region, String point);
  }

  private final Granularity granularity;
  private final int unit;
  private byte[] volatileImage;
  private byte[] persistedImage;
  private long length;
  /** The length a crash keeps: PAGE regions persist a new length only at sync. */
  private long persistedLength;
  private final Map<Integer, List<byte[]>> history = new HashMap<>();
  private final Map<Integer, Integer> flushedUpTo = new HashMap<>();
  private CrashPoints crashPoints;
  private Random storePointRandom;
  private double storePointProbability;
  private long redundantFlushes;
  private long syncs;
  private long durableWrites;
  private int failSyncCountdown = -1;
  private boolean closed;

  SimulatedRegion(Granularity granularity) {
    this(granularity, new byte[0]);
  }

  /** Creates a region whose persisted and volatile contents are {@code image} (a crash image). */
  SimulatedRegion(Granularity granularity, byte[] image) {
    this.granularity = granularity;
    this.unit = granularity == Granularity.PAGE ? 512 : 8;
    this.volatileImage = image.clone();
    this.persistedImage = image.clone();
    this.length = image.length;
    this.persistedLength = image.length;
  }

  void onCrashPoints(CrashPoints points, Random random, double storeProbability) {
    this.crashPoints = points;
    this.storePointRandom = random;
    this.storePointProbability = storeProbability;
  }

  /** Makes the {@code n}-th following sync fail with an I/O error (n = 0: the next one). */
  void failSyncAfter(int n) {
    failSyncCountdown = n;
  }

  @Override
  public Granularity granularity() {
    return granularity;
  }

  @Override
  public int chunkShift() {
    return 30;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public ByteBuffer chunk(int index) {
    if (index != 0 || closed) {
      throw new StorageException(StorageErrorCode.CLOSED, "no such chunk");
    }
    return ByteBuffer.wrap(volatileImage, 0, (int) length).slice().asReadOnlyBuffer();
  }

  @Override
  public void grow(long newLength) {
    point("grow");
    volatileImage = Arrays.copyOf(volatileImage, (int) newLength);
    persistedImage = Arrays.copyOf(persistedImage, (int) newLength);
    length = newLength;
    if (granularity != Granularity.PAGE) {
      persistedLength = newLength;
    }
  }

  @Override
  public void store(long offset, ByteBuffer src) {
    if (offset < 0 || offset + src.remaining() > length) {
      throw new StorageException(StorageErrorCode.MISUSE, "store beyond the end");
    }
    if (storePointRandom != null && storePointRandom.nextDouble() < storePointProbability) {
      point("store");
    }
    int at = (int) offset;
    int n = src.remaining();
    src.duplicate().get(volatileImage, at, n);
    for (int u = at / unit; u * unit < at + n; u++) {
      byte[] value = Arrays.copyOfRange(volatileImage, u * unit, u * unit + unit);
      List<byte[]> values = history.computeIfAbsent(u, k -> new ArrayList<>());
      byte[] previous = values.isEmpty() ? unitOf(persistedImage, u) : values.get(values.size() - 1);
      if (!Arrays.equals(previous, value)) {
        values.add(value);
      }
      if (values.isEmpty()) {
        history.remove(u);
      }
    }
  }

  private byte[] unitOf(byte[] image, int u) {
    return Arrays.copyOfRange(image, u * unit, u * unit + unit);
  }

  @Override
  public void flush(long offset, int length) {
    if (granularity != Granularity.CACHE_LINE) {
      return;
    }
    long first = offset / 64 * 64;
    for (long line = first; line < offset + length; line += 64) {
      boolean dirty = false;
      for (int u = (int) (line / unit); u < (line + 64) / unit; u++) {
        List<byte[]> values = history.get(u);
        if (values != null && !values.isEmpty()) {
          flushedUpTo.put(u, values.size() - 1);
          dirty = true;
        }
      }
      if (!dirty) {
        redundantFlushes++;
      }
    }
  }

  @Override
  public void fence() {
    point("fence");
    if (granularity == Granularity.BYTE) {
      persistAll();
      return;
    }
    for (Map.Entry<Integer, Integer> entry : flushedUpTo.entrySet()) {
      int u = entry.getKey();
      List<byte[]> values = history.get(u);
      int upTo = entry.getValue();
      System.arraycopy(values.get(upTo), 0, persistedImage, u * unit, unit);
      values.subList(0, upTo + 1).clear();
      if (values.isEmpty()) {
        history.remove(u);
      }
    }
    flushedUpTo.clear();
  }

  /** PAGE: everything stored becomes durable. CACHE_LINE: only a fence (flushes decide). */
  @Override
  public void sync() {
    if (granularity == Granularity.CACHE_LINE) {
      fence();
      return;
    }
    point("sync");
    syncs++;
    if (failSyncCountdown >= 0 && failSyncCountdown-- == 0) {
      throw new StorageException(StorageErrorCode.PANIC, "simulated fdatasync failure (EIO)");
    }
    persistAll();
  }

  /** PAGE: {@link #pwriteDurably}. Cache-line granularities: store, flush, fence. */
  @Override
  public void storeDurably(long offset, ByteBuffer src) {
    if (granularity == Granularity.PAGE) {
      pwriteDurably(offset, src);
      return;
    }
    store(offset, src);
    flush(offset, src.remaining());
    fence();
  }

  // ---- MappedFile: the primitives a backend's write path uses --------------------------------

  /**
   * {@code O_DSYNC} pwrite: stored, then (after a crash point where the range may be torn) the
   * range's units are durable; a scheduled sync failure fails it after the store.
   */
  @Override
  public void pwriteDurably(long offset, ByteBuffer src) {
    int n = src.remaining();
    store(offset, src);
    point("dsync-write");
    durableWrites++;
    if (failSyncCountdown >= 0 && failSyncCountdown-- == 0) {
      throw new StorageException(StorageErrorCode.PANIC, "simulated O_DSYNC write failure (EIO)");
    }
    persistRange(offset, n);
  }

  @Override
  public void pwrite(long offset, ByteBuffer src) {
    store(offset, src);
  }

  @Override
  public void fdatasync() {
    sync();
  }

  @Override
  public void orderStores() {
    fence();
  }

  /** CLWB: the lines' current values will be durable after the next fence, not before. */
  @Override
  public void writeBack(long offset, int length) {
    flush(offset, length);
  }

  @Override
  public void drain() {
    fence();
  }

  @Override
  public void storeMapped(long offset, ByteBuffer src) {
    store(offset, src);
  }

  /**
   * On PAGE granularity this is msync: the range's units become durable. On cache-line
   * granularity it is the JDK's write-back of a MAP_SYNC range: flush each line, then a fence.
   */
  @Override
  public void forceMapped(long offset, int length) {
    if (granularity == Granularity.PAGE) {
      point("msync");
      persistedLength = this.length;
      persistRange(offset, length);
      return;
    }
    flush(offset, length);
    fence();
  }

  private void persistRange(long offset, int length) {
    for (int u = (int) (offset / unit); (long) u * unit < offset + length; u++) {
      List<byte[]> values = history.remove(u);
      if (values != null && !values.isEmpty()) {
        System.arraycopy(values.get(values.size() - 1), 0, persistedImage, u * unit, unit);
      }
    }
  }

  private void persistAll() {
    persistedLength = length;
    System.arraycopy(volatileImage, 0, persistedImage, 0, (int) length);
    history.clear();
    flushedUpTo.clear();
  }

  private void point(String name) {
    if (crashPoints != null) {
      crashPoints.reached(this, name);
    }
  }

  /** Number of units with stores that are not yet durable (pmemcheck's "not persisted"). */
  int pendingUnits() {
    return history.size();
  }

  long redundantFlushes() {
    return redundantFlushes;
  }

  /** Whole-file syncs so far (PAGE granularity). */
  long syncs() {
    return syncs;
  }

  /** Range-durable writes so far ({@link #pwriteDurably}). */
  long durableWrites() {
    return durableWrites;
  }

  /** Crash image: every unit at its durable value, the length as last synced. */
  byte[] minimalImage() {
    return Arrays.copyOf(persistedImage, (int) persistedLength);
  }

  /** Crash image: every unit at its newest value (the file system wrote everything back). */
  byte[] maximalImage() {
    return Arrays.copyOf(volatileImage, (int) length);
  }

  /**
   * Crash image: every unit at its durable value or a random later one, and the length as last
   * synced or the newest (metadata write-back may happen at any time).
   */
  byte[] randomImage(Random random) {
    byte[] image = Arrays.copyOf(persistedImage, (int) length);
    for (Map.Entry<Integer, List<byte[]>> entry : history.entrySet()) {
      List<byte[]> values = entry.getValue();
      int choice = random.nextInt(values.size() + 1) - 1;
      if (choice >= 0) {
        System.arraycopy(values.get(choice), 0, image, entry.getKey() * unit, unit);
      }
    }
    return random.nextBoolean() ? image : Arrays.copyOf(image, (int) persistedLength);
  }

  @Override
  public void close() {
    closed = true;
  }
}
