package dev.ferrite.engine.row;

import java.util.Arrays;

/** A growable byte array that encoders append to; reused to avoid an allocation per row. */
public final class ByteSink {
  private byte[] buf = new byte[64];
  private int len;

  public void reset() {
    len = 0;
  }

  public int length() {
    return len;
  }

  public void put(int b) {
    if (len == buf.length) {
      grow(1);
    }
    buf[len++] = (byte) b;
  }

  public void put(byte[] src, int off, int n) {
    if (len + n > buf.length) {
      grow(n);
    }
    System.arraycopy(src, off, buf, len, n);
    len += n;
  }

  public void putLong(long v) {
    if (len + 8 > buf.length) {
      grow(8);
    }
    for (int i = 7; i >= 0; i--) {
      buf[len++] = (byte) (v >>> (i * 8));
    }
  }

  public void putVarLong(long v) {
    while ((v & ~0x7FL) != 0) {
      put((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    put((int) v);
  }

  /** Complements bytes {@code from..length()} (descending key columns). */
  public void complementFrom(int from) {
    for (int i = from; i < len; i++) {
      buf[i] = (byte) ~buf[i];
    }
  }

  /** Sets byte {@code at} (for null bitmaps filled after the fact). */
  public void set(int at, int b) {
    buf[at] = (byte) b;
  }

  public int byteAt(int at) {
    return buf[at];
  }

  public byte[] toArray() {
    return Arrays.copyOf(buf, len);
  }

  private void grow(int n) {
    buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
  }
}
