package dev.ferrite.storage.durability.page;

import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilityBackend;
import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.WritePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * The page-cache backend (LMDB's default): the mapping is read-only, pages are written with
 * {@code pwrite} and a commit ends with one {@code fdatasync}. Never msync of a mapping: one dirty
 * byte in a shared mapping dirties a whole page-cache folio, up to 1 MiB on this kernel.
 */
public final class PageBackend implements DurabilityBackend {
  @Override
  public Durability kind() {
    return Durability.PAGE;
  }

  @Override
  public WritePath writePath(boolean forcedPmem) {
    return new PwritePath(true);
  }

  @Override
  public String guarantee() {
    return "a returned commit survives process crashes and power failures (fdatasync)";
  }

  /** pwrite, then fdatasync at sync; {@code durable = false} skips the sync (the none backend). */
  public static final class PwritePath implements WritePath {
    private final boolean durable;

    /** Creates the path; without {@code durable}, sync does nothing. */
    public PwritePath(boolean durable) {
      this.durable = durable;
    }

    @Override
    public Granularity granularity() {
      return Granularity.PAGE;
    }

    @Override
    public FileChannel.MapMode mapMode() {
      return FileChannel.MapMode.READ_ONLY;
    }

    @Override
    public void store(MappedFile file, long offset, ByteBuffer src) throws IOException {
      file.pwrite(offset, src);
    }

    @Override
    public void flush(MappedFile file, long offset, int length) {
      // Page granularity: nothing reaches the disk before sync().
    }

    @Override
    public void fence(MappedFile file) {
      // pwrite calls are ordered by the sync that follows them.
    }

    @Override
    public void storeDurably(MappedFile file, long offset, ByteBuffer src) throws IOException {
      if (durable) {
        file.pwriteDurably(offset, src);
      } else {
        file.pwrite(offset, src);
      }
    }

    @Override
    public void sync(MappedFile file) throws IOException {
      if (durable) {
        file.fdatasync();
      }
    }

    @Override
    public String describe() {
      return durable ? "one O_DIRECT|O_DSYNC write of the commit log record per commit (buffered"
          + " O_DSYNC where direct I/O is unavailable); pages pwritten in place at checkpoints"
          + " (fdatasync at checkpoints and on files without a log)" : "pwrite, never synced";
    }
  }
}
