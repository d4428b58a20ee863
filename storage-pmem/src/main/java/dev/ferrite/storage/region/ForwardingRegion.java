package dev.ferrite.storage.region;

import java.nio.ByteBuffer;

/**
 * A region that passes every call to another one: the base of wrappers that observe or alter a
 * region (the benchmarks' counters, the fault-injection tests).
 */
public abstract class ForwardingRegion implements Region {
  /** The region every call goes to. */
  protected final Region delegate;

  /** Wraps {@code delegate}. */
  protected ForwardingRegion(Region delegate) {
    this.delegate = delegate;
  }

  @Override
  public Granularity granularity() {
    return delegate.granularity();
  }

  @Override
  public int chunkShift() {
    return delegate.chunkShift();
  }

  @Override
  public long length() {
    return delegate.length();
  }

  @Override
  public ByteBuffer chunk(int index) {
    return delegate.chunk(index);
  }

  @Override
  public void grow(long newLength) {
    delegate.grow(newLength);
  }

  @Override
  public void store(long offset, ByteBuffer src) {
    delegate.store(offset, src);
  }

  @Override
  public void flush(long offset, int length) {
    delegate.flush(offset, length);
  }

  @Override
  public void fence() {
    delegate.fence();
  }

  @Override
  public void sync() {
    delegate.sync();
  }

  @Override
  public void storeDurably(long offset, ByteBuffer src) {
    delegate.storeDurably(offset, src);
  }

  @Override
  public void close() {
    delegate.close();
  }
}
