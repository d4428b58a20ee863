package dev.ferrite.storage.durability.msync;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilityBackend;
import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.WritePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * Stores through a shared read-write mapping and makes a commit durable with
 * {@code msync(MS_SYNC)} of exactly the page ranges it dirtied
 * ({@code MappedByteBuffer.force(index, length)}).
 *
 * <p>Trade-off, measured here: each first store into a clean page takes a write fault
 * (15–70 µs), and on kernels with large page-cache folios msync writes back whole folios (up to
 * 1 MiB for a one-byte change). Right for platforms whose file systems keep 4 KiB folios and where
 * pwrite is costly; on ordinary Linux file systems {@code page} is faster.
 */
public final class MsyncBackend implements DurabilityBackend {
  @Override
  public Durability kind() {
    return Durability.MSYNC;
  }

  @Override
  public WritePath writePath(boolean forcedPmem) {
    return new MsyncPath();
  }

  @Override
  public String guarantee() {
    return "a returned commit survives process crashes and power failures (msync)";
  }

  private static final class MsyncPath implements WritePath {
    private static final long MAX_RANGE = 1L << 30;

    /** Dirty ranges since the last sync, as [start, end) pairs in file offsets. */
    private final List<long[]> dirty = new ArrayList<>();

    @Override
    public Granularity granularity() {
      return Granularity.PAGE;
    }

    @Override
    public FileChannel.MapMode mapMode() {
      return FileChannel.MapMode.READ_WRITE;
    }

    @Override
    public void store(MappedFile file, long offset, ByteBuffer src) {
      file.storeMapped(offset, src);
      long end = offset + src.remaining();
      long[] last = dirty.isEmpty() ? null : dirty.get(dirty.size() - 1);
      if (last != null && offset <= last[1] && end >= last[0]
          && Math.max(last[1], end) - Math.min(last[0], offset) < MAX_RANGE) {
        last[0] = Math.min(last[0], offset);
        last[1] = Math.max(last[1], end);
      } else {
        dirty.add(new long[] {offset, end});
      }
    }

    @Override
    public void flush(MappedFile file, long offset, int length) {
      // Page granularity: write-back happens at sync().
    }

    @Override
    public void fence(MappedFile file) {
      // msync at sync() orders everything before it.
    }

    /** The range is msynced at once and left out of the dirty ranges the next sync covers. */
    @Override
    public void storeDurably(MappedFile file, long offset, ByteBuffer src) throws IOException {
      file.storeMapped(offset, src);
      file.forceMapped(offset, src.remaining());
    }

    @Override
    public void sync(MappedFile file) throws IOException {
      for (long[] range : dirty) {
        file.forceMapped(range[0], (int) (range[1] - range[0]));
      }
      dirty.clear();
    }

    @Override
    public String describe() {
      return "store through the mapping + msync(MS_SYNC) of the dirty ranges per commit";
    }
  }
}
