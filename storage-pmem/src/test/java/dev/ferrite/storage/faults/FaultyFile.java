package dev.ferrite.storage.faults;

import dev.ferrite.storage.faults.FaultSchedule.Operation;
import dev.ferrite.storage.region.MappedFile;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The primitives a backend's write path uses, failing as the {@link FaultSchedule} says, each as
 * {@link MappedFile} promises: with an {@link IOException}. A failed {@code pwrite} first writes
 * part of its buffer (a short write that ran into the error). Stores into the mapping cannot fail
 * this way (their failure is a SIGBUS), so they always pass through.
 */
final class FaultyFile implements MappedFile {
  private final MappedFile file;
  private final FaultSchedule schedule;

  FaultyFile(MappedFile file, FaultSchedule schedule) {
    this.file = file;
    this.schedule = schedule;
  }

  @Override
  public void pwrite(long offset, ByteBuffer src) throws IOException {
    failWriteOnSchedule(offset, src);
    file.pwrite(offset, src);
  }

  /** A scheduled write failure writes half of {@code src}, then throws. */
  private void failWriteOnSchedule(long offset, ByteBuffer src) throws IOException {
    Errno errno = schedule.next(Operation.WRITE);
    if (errno != null) {
      ByteBuffer half = src.duplicate();
      half.limit(half.position() + half.remaining() / 2);
      file.pwrite(offset, half);
      throw errno.exception();
    }
  }

  /** Fails as a write (part of it written) or, after writing all of it, as a sync. */
  @Override
  public void pwriteDurably(long offset, ByteBuffer src) throws IOException {
    failWriteOnSchedule(offset, src);
    Errno errno = schedule.next(Operation.SYNC);
    if (errno != null) {
      file.pwrite(offset, src);
      throw errno.exception();
    }
    file.pwriteDurably(offset, src);
  }

  @Override
  public void fdatasync() throws IOException {
    Errno errno = schedule.next(Operation.SYNC);
    if (errno != null) {
      throw errno.exception();
    }
    file.fdatasync();
  }

  @Override
  public void storeMapped(long offset, ByteBuffer src) {
    file.storeMapped(offset, src);
  }

  @Override
  public void forceMapped(long offset, int length) throws IOException {
    failMappedSync();
    file.forceMapped(offset, length);
  }

  @Override
  public void orderStores() {
    file.orderStores();
  }

  @Override
  public void writeBack(long offset, int length) throws IOException {
    failMappedSync();
    file.writeBack(offset, length);
  }

  private void failMappedSync() throws IOException {
    Errno errno = schedule.next(Operation.SYNC);
    if (errno != null) {
      throw errno.exception();
    }
  }

  @Override
  public void drain() {
    file.drain();
  }
}
