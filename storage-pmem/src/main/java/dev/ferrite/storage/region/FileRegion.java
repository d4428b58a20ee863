package dev.ferrite.storage.region;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.nativeio.DirectDurableFile;
import dev.ferrite.storage.nativeio.LibPmem;
import dev.ferrite.storage.nativeio.NativeIo;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.lang.invoke.VarHandle;
import java.nio.ByteBuffer;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The database file: its lock, its growth, and its mappings (chunks of {@code 1 << chunkShift}
 * bytes, so files beyond 2 GiB work). How writes reach the persistence domain is the
 * {@link WritePath} of the chosen durability backend; everything else is here, shared.
 *
 * <p>Invariants:
 * <ol>
 *   <li>The file length only changes in {@link #grow}, which writes real zeros (never sparse holes
 *       or unwritten extents), in large steps. On PAGE backends the zeros and the new length
 *       become durable with the next commit's fdatasync, which must persist the size anyway: pages
 *       a transaction fills before it commits then reach the disk once, not as zeros and again
 *       as data, and only the commit that grows the file changes its metadata.
 *   <li>Every chunk mapping covers only bytes below the file length (no SIGBUS).
 *   <li>The file is locked exclusively for the life of this object; the lock dies with the process,
 *       so a crash never leaves a lock to clean up. A second open in the same JVM is refused by
 *       {@link #OPEN_PATHS} with a clear message instead of an {@code OverlappingFileLockException}.
 * </ol>
 */
public final class FileRegion implements Region, MappedFile {
  private static final Set<Path> OPEN_PATHS = ConcurrentHashMap.newKeySet();
  private static final int ZERO_BLOCK = 1 << 20;

  private final Path path;
  private final Path lockKey;
  private final RandomAccessFile file;
  /**
   * The same file opened {@code O_DSYNC} ("rwd") for {@link #pwriteDurably}; opened on first use.
   * Closed only with the region: closing any descriptor of a file drops the process's POSIX
   * locks on it.
   */
  private RandomAccessFile dsyncFile;
  /**
   * The file opened {@code O_DIRECT|O_DSYNC}, preferred for aligned durable writes; null if it
   * is unavailable. Opened on first use, kept open (even once refused) until the region closes.
   */
  private DirectDurableFile directFile;
  private boolean directTried;
  private boolean directRefused;
  private final Object dsyncLock = new Object();
  private final FileChannel channel;
  private final FileLock lock;
  private final IoThread io;
  private final int chunkShift;
  private final boolean readOnly;
  private final WritePath writePath;
  private volatile MappedByteBuffer[] mapped;
  /** Native addresses of the mapped chunks, filled on first use by {@link #writeBack}. */
  private long[] chunkAddresses = new long[0];
  private volatile ByteBuffer[] chunks;
  private volatile long length;
  private boolean closed;

  private FileRegion(Path path, Path lockKey, RandomAccessFile file, IoThread io, FileLock lock,
      int chunkShift, boolean readOnly, WritePath writePath) throws IOException {
    this.path = path;
    this.lockKey = lockKey;
    this.file = file;
    this.channel = file.getChannel();
    this.io = io;
    this.lock = lock;
    this.chunkShift = chunkShift;
    this.readOnly = readOnly;
    this.writePath = writePath;
    this.length = file.length();
    this.mapped = new MappedByteBuffer[0];
    this.chunks = new ByteBuffer[0];
    remap(length);
  }

  /**
   * Opens (creating if {@code create} and absent) and locks the file at {@code path}.
   *
   * @throws StorageException LOCKED if another process or store holds it, IO_ERROR on failure
   */
  public static FileRegion open(Path path, boolean create, boolean readOnly, int chunkShift,
      WritePath writePath) {
    Path absolute = path.toAbsolutePath().normalize();
    if (!create && !Files.exists(absolute)) {
      throw new StorageException(StorageErrorCode.NOT_A_DATABASE, "database file " + absolute
          + " does not exist");
    }
    if (!OPEN_PATHS.add(absolute)) {
      throw new StorageException(StorageErrorCode.LOCKED, "database " + absolute
          + " is already open in this JVM; share the open store instead of opening it twice");
    }
    IoThread io = new IoThread("ferrite-io " + absolute.getFileName());
    RandomAccessFile file = null;
    try {
      boolean existed = Files.exists(absolute);
      file = new RandomAccessFile(absolute.toFile(), readOnly ? "r" : "rw");
      RandomAccessFile opened = file;
      FileLock lock = io.run(() -> {
        try {
          return opened.getChannel().tryLock(0, Long.MAX_VALUE, readOnly);
        } catch (OverlappingFileLockException e) {
          return null;
        }
      });
      if (lock == null) {
        throw new StorageException(StorageErrorCode.LOCKED, "database " + absolute
            + " is locked by another process");
      }
      if (!existed) {
        syncDirectory(io, absolute);
      }
      return new FileRegion(absolute, absolute, file, io, lock, chunkShift, readOnly, writePath);
    } catch (IOException e) {
      closeQuietly(file, io, absolute);
      throw new StorageException(StorageErrorCode.IO_ERROR, "cannot open " + absolute + ": "
          + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(file, io, absolute);
      throw e;
    }
  }

  private static void closeQuietly(RandomAccessFile file, IoThread io, Path key) {
    try {
      if (file != null) {
        file.close();
      }
    } catch (IOException ignored) {
      // The open already failed; that error is the one to report.
    }
    io.close();
    OPEN_PATHS.remove(key);
  }

  private static void syncDirectory(IoThread io, Path file) throws IOException {
    Path dir = file.getParent();
    if (dir == null) {
      return;
    }
    io.run(() -> {
      try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
        channel.force(true);
      }
      return null;
    });
  }

  /** Returns the file's path. */
  public Path path() {
    return path;
  }

  @Override
  public Granularity granularity() {
    return writePath.granularity();
  }

  /** The backend's write path. */
  public WritePath writePath() {
    return writePath;
  }

  @Override
  public int chunkShift() {
    return chunkShift;
  }

  @Override
  public long length() {
    return length;
  }

  @Override
  public ByteBuffer chunk(int index) {
    ByteBuffer[] current = chunks;
    if (index >= current.length) {
      throw new StorageException(StorageErrorCode.CORRUPT, "offset beyond the end of " + path);
    }
    return current[index];
  }

  private void remap(long newLength) throws IOException {
    long chunkSize = 1L << chunkShift;
    int count = (int) ((newLength + chunkSize - 1) >>> chunkShift);
    MappedByteBuffer[] old = mapped;
    MappedByteBuffer[] next = Arrays.copyOf(old, count);
    ByteBuffer[] views = Arrays.copyOf(chunks, count);
    FileChannel.MapMode mode = readOnly ? FileChannel.MapMode.READ_ONLY : writePath.mapMode();
    for (int i = 0; i < count; i++) {
      long start = (long) i << chunkShift;
      long size = Math.min(chunkSize, newLength - start);
      if (i < old.length && old[i] != null && old[i].capacity() == size) {
        continue;
      }
      next[i] = io.run(() -> channel.map(mode, start, size));
      views[i] = next[i].isReadOnly() ? next[i] : next[i].asReadOnlyBuffer();
    }
    mapped = next;
    chunks = views;
    chunkAddresses = new long[0];
  }

  /** One piece of a file range that lies within a single mapped chunk. */
  @FunctionalInterface
  private interface ChunkPiece {
    /**
     * Handles bytes {@code [index, index + length)} of chunk {@code chunk}, which are bytes
     * {@code [done, done + length)} of the whole range.
     */
    void accept(int chunk, int index, int length, int done);
  }

  /** Splits {@code [offset, offset + length)} at chunk borders. */
  private void forEachChunkPiece(long offset, int length, ChunkPiece piece) {
    long mask = (1L << chunkShift) - 1;
    long end = offset + length;
    for (long at = offset; at < end; ) {
      int chunk = (int) (at >>> chunkShift);
      int index = (int) (at & mask);
      int n = (int) Math.min(end - at, mapped[chunk].capacity() - index);
      piece.accept(chunk, index, n, (int) (at - offset));
      at += n;
    }
  }

  @Override
  public void storeMapped(long offset, ByteBuffer src) {
    int from = src.position();
    forEachChunkPiece(offset, src.remaining(),
        (chunk, index, n, done) -> mapped[chunk].put(index, src, from + done, n));
  }

  /**
   * {@code MappedByteBuffer.force} reports a failed msync as an {@link UncheckedIOException};
   * it is unwrapped here so that callers see the {@link IOException} this interface promises and
   * turn it into a StorageException.
   */
  @Override
  public void forceMapped(long offset, int length) throws IOException {
    try {
      forEachChunkPiece(offset, length, (chunk, index, n, done) -> mapped[chunk].force(index, n));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  @Override
  public synchronized void pwrite(long offset, ByteBuffer src) throws IOException {
    writeAt(file, offset, src);
  }

  private static void writeAt(RandomAccessFile target, long offset, ByteBuffer src)
      throws IOException {
    int n = src.remaining();
    target.seek(offset);
    if (src.hasArray()) {
      target.write(src.array(), src.arrayOffset() + src.position(), n);
    } else {
      byte[] copy = new byte[n];
      src.duplicate().get(copy);
      target.write(copy);
    }
  }

  /**
   * Aligned writes go {@code O_DIRECT|O_DSYNC} where the file system takes them (see
   * {@link DirectDurableFile}); others through a {@code RandomAccessFile} opened "rwd" rather
   * than a {@code FileChannel} opened with {@code DSYNC}: an interrupted channel closes itself,
   * and with it this process's lock on the file.
   */
  @Override
  public void pwriteDurably(long offset, ByteBuffer src) throws IOException {
    // Its own lock: a commit's durable write must not hold up the next writer's pwrites.
    synchronized (dsyncLock) {
      if (!directTried) {
        directTried = true;
        directFile = DirectDurableFile.open(path);
      }
      if (directFile != null && !directRefused
          && offset % DirectDurableFile.ALIGNMENT == 0
          && src.remaining() % DirectDurableFile.ALIGNMENT == 0) {
        if (directFile.writeDurably(offset, src)) {
          return;
        }
        directRefused = true;
      }
      if (dsyncFile == null) {
        dsyncFile = new RandomAccessFile(path.toFile(), "rwd");
      }
      writeAt(dsyncFile, offset, src);
    }
  }

  /** Runs on the I/O thread (see {@link IoThread}). */
  @Override
  public void fdatasync() throws IOException {
    io.run(() -> {
      channel.force(false);
      return null;
    });
  }

  @Override
  public synchronized void grow(long newLength) {
    checkWritable();
    long oldLength = length;
    if (newLength <= oldLength) {
      return;
    }
    try {
      ByteBuffer zeros = ByteBuffer.allocate(ZERO_BLOCK);
      for (long at = oldLength; at < newLength; at += ZERO_BLOCK) {
        int n = (int) Math.min(ZERO_BLOCK, newLength - at);
        file.seek(at);
        file.write(zeros.array(), 0, n);
      }
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.IO_ERROR, "cannot grow " + path + " to "
          + newLength + " bytes: " + e.getMessage(), e);
    }
    if (writePath.granularity() != Granularity.PAGE) {
      // Cache-line backends have no later sync to ride on: make the new blocks durable now.
      try {
        io.run(() -> {
          channel.force(true);
          return null;
        });
      } catch (IOException e) {
        throw new StorageException(StorageErrorCode.PANIC, "sync failed while growing " + path
            + ": " + e.getMessage(), e);
      }
    }
    try {
      remap(newLength);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.IO_ERROR, "cannot map " + path + ": "
          + e.getMessage(), e);
    }
    length = newLength;
  }

  @Override
  public void store(long offset, ByteBuffer src) {
    checkStore(offset, src);
    try {
      writePath.store(this, offset, src);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.IO_ERROR, "write failed at offset " + offset
          + " of " + path + ": " + e.getMessage(), e);
    }
  }

  /** A failed durable write is a failed sync: the store must panic, never retry. */
  @Override
  public void storeDurably(long offset, ByteBuffer src) {
    checkStore(offset, src);
    try {
      writePath.storeDurably(this, offset, src);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.PANIC, "durable write failed at offset "
          + offset + " of " + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void flush(long offset, int length) {
    try {
      writePath.flush(this, offset, length);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.PANIC, "cache-line write-back failed on "
          + path + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void fence() {
    writePath.fence(this);
  }

  @Override
  public void orderStores() {
    VarHandle.fullFence();
  }

  /**
   * With libpmem: {@code pmem_flush} of the lines. Without: the JDK's
   * {@code MappedByteBuffer.force(index, length)}, which on a MAP_SYNC mapping is the same
   * write-back followed by a fence, and on a normal mapping an msync.
   */
  @Override
  public void writeBack(long offset, int length) throws IOException {
    LibPmem pmem = NativeIo.pmem();
    if (pmem == null) {
      forceMapped(offset, length);
      return;
    }
    forEachChunkPiece(offset, length,
        (chunk, index, n, done) -> pmem.pmem_flush(chunkAddress(chunk) + index, n));
  }

  @Override
  public void drain() {
    LibPmem pmem = NativeIo.pmem();
    if (pmem != null) {
      pmem.pmem_drain();
    } else {
      VarHandle.fullFence();
    }
  }

  private long chunkAddress(int chunk) {
    long[] addresses = chunkAddresses;
    if (chunk >= addresses.length || addresses[chunk] == 0) {
      addresses = Arrays.copyOf(addresses, Math.max(addresses.length, chunk + 1));
      addresses[chunk] = NativeIo.address(mapped[chunk]);
      chunkAddresses = addresses;
    }
    return addresses[chunk];
  }

  @Override
  public void sync() {
    checkWritable();
    try {
      writePath.sync(this);
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.PANIC, "sync failed on " + path + ": "
          + e.getMessage(), e);
    }
  }

  private void checkStore(long offset, ByteBuffer src) {
    checkWritable();
    if (offset < 0 || offset + src.remaining() > length) {
      throw new StorageException(StorageErrorCode.MISUSE, "store beyond the end of " + path);
    }
  }

  private void checkWritable() {
    if (readOnly) {
      throw new StorageException(StorageErrorCode.MISUSE, path + " is open read-only");
    }
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    chunks = new ByteBuffer[0];
    mapped = new MappedByteBuffer[0];
    try {
      io.run(() -> {
        lock.release();
        return null;
      });
      file.close();
      synchronized (dsyncLock) {
        if (dsyncFile != null) {
          dsyncFile.close();
        }
        if (directFile != null) {
          directFile.close();
        }
      }
    } catch (IOException e) {
      throw new StorageException(StorageErrorCode.IO_ERROR, "close failed: " + e.getMessage(), e);
    } finally {
      io.close();
      OPEN_PATHS.remove(lockKey);
    }
  }
}
