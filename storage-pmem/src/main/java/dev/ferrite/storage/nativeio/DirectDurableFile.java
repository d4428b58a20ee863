package dev.ferrite.storage.nativeio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Locale;
import jnr.ffi.Pointer;
import jnr.ffi.Runtime;

/**
 * A second descriptor of the database file opened {@code O_DIRECT | O_DSYNC}, for the commit
 * log's one durable write per commit. Bypassing the page cache saves the kernel's dirtying and
 * write-back of the cached page: on this machine's ext4 a 4 KiB {@code O_DIRECT|O_DSYNC} pwrite
 * took 11-14 µs less than the same buffered {@code O_DSYNC} pwrite, about 10 % of the whole
 * write (docs/benchmarks.md). Durability is the same: without FUA the kernel follows the write
 * with a device cache flush before returning.
 *
 * <p>Native rather than a {@code FileChannel} opened with {@code ExtendedOpenOption.DIRECT}: an
 * interrupted channel closes its descriptor, and closing any descriptor of a file drops the
 * process's lock on it. Writes go through one page-aligned staging buffer; offsets and lengths
 * must be multiples of {@link #ALIGNMENT}. Available on 64-bit Linux only; elsewhere, on file
 * systems that refuse {@code O_DIRECT}, or with {@code -Dferrite.directio=false}, {@link #open}
 * returns null and the caller keeps its buffered {@code O_DSYNC} write. Thread-safety: callers
 * serialise writes.
 */
public final class DirectDurableFile implements AutoCloseable {
  /** Offsets and lengths of direct writes are multiples of this (any device's logical block). */
  public static final int ALIGNMENT = 4096;
  private static final int O_WRONLY = 1;
  private static final int O_DSYNC = 0x1000;
  private static final int O_CLOEXEC = 0x80000;
  /** errno for a write the device or file system will not take unbuffered. */
  private static final int EINVAL = 22;

  private final LibC libc;
  private final Runtime runtime;
  private final int fd;
  private ByteBuffer staging;
  private Pointer stagingAddress;

  private DirectDurableFile(LibC libc, int fd) {
    this.libc = libc;
    this.runtime = Runtime.getRuntime(libc);
    this.fd = fd;
  }

  /** Opens {@code file} for direct durable writes, or returns null where that is unavailable. */
  public static DirectDurableFile open(Path file) {
    Integer direct = directFlag();
    if (direct == null || !Boolean.parseBoolean(System.getProperty("ferrite.directio", "true"))) {
      return null;
    }
    try {
      LibC libc = NativeIo.libc();
      int fd = libc.open(file.toString(), O_WRONLY | O_DSYNC | O_CLOEXEC | direct, 0);
      return fd < 0 ? null : new DirectDurableFile(libc, fd);
    } catch (Throwable e) {
      return null;
    }
  }

  /** {@code O_DIRECT}, whose value differs between architectures; null where unknown. */
  private static Integer directFlag() {
    String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
    String arch = System.getProperty("os.arch", "");
    if (!os.startsWith("linux")) {
      return null;
    }
    return switch (arch) {
      case "amd64", "x86_64" -> 0x4000;
      case "aarch64" -> 0x10000;
      default -> null;
    };
  }

  /**
   * Writes {@code src} (its remaining bytes, a multiple of {@link #ALIGNMENT}) at {@code offset}
   * (aligned) and returns once it is durable. Returns false, having written nothing, if the
   * file system refuses the unbuffered write: the caller falls back to a buffered one.
   *
   * @throws IOException if the write failed: what reached the disk is unknown
   */
  public boolean writeDurably(long offset, ByteBuffer src) throws IOException {
    int length = src.remaining();
    if (length % ALIGNMENT != 0 || offset % ALIGNMENT != 0) {
      throw new IllegalArgumentException("unaligned direct write of " + length + " bytes at "
          + offset);
    }
    ByteBuffer buffer = staging(length);
    buffer.put(0, src, src.position(), length);
    int done = 0;
    while (done < length) {
      long n = libc.pwrite(fd, stagingAddress.slice(done), length - done, offset + done);
      if (n < 0) {
        int errno = runtime.getLastError();
        if (errno == EINVAL && done == 0) {
          return false;
        }
        throw new IOException("O_DIRECT|O_DSYNC pwrite failed (errno " + errno + ")");
      }
      done += (int) n;
    }
    return true;
  }

  private ByteBuffer staging(int length) {
    if (staging == null || staging.capacity() < length) {
      int capacity = Math.max(length, 8 * ALIGNMENT);
      staging = ByteBuffer.allocateDirect(capacity + ALIGNMENT).alignedSlice(ALIGNMENT);
      stagingAddress = Pointer.wrap(runtime, NativeIo.address(staging));
    }
    return staging;
  }

  /** Closes the descriptor; only with the region, since it drops the process's file locks. */
  @Override
  public void close() throws IOException {
    if (libc.close(fd) != 0) {
      throw new IOException("close failed (errno " + runtime.getLastError() + ")");
    }
  }
}
