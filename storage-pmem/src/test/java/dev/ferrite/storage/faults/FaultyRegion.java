package dev.ferrite.storage.faults;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.faults.FaultSchedule.Operation;
import dev.ferrite.storage.region.FileRegion;
import dev.ferrite.storage.region.ForwardingRegion;
import dev.ferrite.storage.region.Granularity;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A {@link FileRegion} whose growth fails on schedule. Growth writes zeros, syncs them on
 * cache-line regions, then maps the new length, all inside {@code FileRegion.grow}; no seam
 * reaches in there, so a failure is reproduced from outside with the same result: the file on
 * disk extended part of the way (a full disk), or all the way (a failed sync or mapping), while
 * the region keeps its old length and mapping, and the same exception the region throws.
 * Everything else passes through to the real region.
 */
final class FaultyRegion extends ForwardingRegion {
  private final FileRegion file;
  private final FaultSchedule schedule;

  FaultyRegion(FileRegion file, FaultSchedule schedule) {
    super(file);
    this.file = file;
    this.schedule = schedule;
  }

  @Override
  public void grow(long newLength) {
    if (newLength <= file.length()) {
      return;
    }
    Errno errno = schedule.next(Operation.EXTEND);
    if (errno != null) {
      // A full disk stops the zero-filling somewhere in the middle, not at a page boundary.
      extendOnDisk(file.length() + (newLength - file.length()) / 2 + 1000);
      throw new StorageException(StorageErrorCode.IO_ERROR, "cannot grow " + file.path() + " to "
          + newLength + " bytes: " + errno.message(), errno.exception());
    }
    if (file.granularity() != Granularity.PAGE) {
      errno = schedule.next(Operation.SYNC);
      if (errno != null) {
        extendOnDisk(newLength);
        throw new StorageException(StorageErrorCode.PANIC, "sync failed while growing "
            + file.path() + ": " + errno.message(), errno.exception());
      }
    }
    errno = schedule.next(Operation.MAP);
    if (errno != null) {
      extendOnDisk(newLength);
      throw new StorageException(StorageErrorCode.IO_ERROR, "cannot map " + file.path() + ": "
          + errno.message(), errno.exception());
    }
    file.grow(newLength);
  }

  /** Writes zeros at the end of the file, through a second descriptor, up to {@code length}. */
  private void extendOnDisk(long length) {
    Path path = file.path();
    try (FileChannel channel = FileChannel.open(path, StandardOpenOption.WRITE)) {
      long at = channel.size();
      while (at < length) {
        ByteBuffer zeros = ByteBuffer.allocate((int) Math.min(1 << 16, length - at));
        at += channel.write(zeros, at);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
