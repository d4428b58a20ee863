package dev.ferrite.storage.faults;

import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.MappedFile;
import dev.ferrite.storage.region.WritePath;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A real backend's write path whose file primitives fail on schedule: handed to
 * {@code FileRegion.open}, it puts the faults under the real region, so the region's own error
 * translation (IO_ERROR, PANIC) and everything above it are what is tested.
 */
final class FaultyWritePath implements WritePath {
  private final WritePath backend;
  private final FaultSchedule schedule;

  FaultyWritePath(WritePath backend, FaultSchedule schedule) {
    this.backend = backend;
    this.schedule = schedule;
  }

  private MappedFile faulty(MappedFile file) {
    return new FaultyFile(file, schedule);
  }

  @Override
  public Granularity granularity() {
    return backend.granularity();
  }

  @Override
  public FileChannel.MapMode mapMode() {
    return backend.mapMode();
  }

  @Override
  public void store(MappedFile file, long offset, ByteBuffer src) throws IOException {
    backend.store(faulty(file), offset, src);
  }

  @Override
  public void flush(MappedFile file, long offset, int length) throws IOException {
    backend.flush(faulty(file), offset, length);
  }

  @Override
  public void fence(MappedFile file) {
    backend.fence(faulty(file));
  }

  @Override
  public void storeDurably(MappedFile file, long offset, ByteBuffer src) throws IOException {
    backend.storeDurably(faulty(file), offset, src);
  }

  @Override
  public void sync(MappedFile file) throws IOException {
    backend.sync(faulty(file));
  }

  @Override
  public String describe() {
    return backend.describe() + ", with injected faults";
  }
}
