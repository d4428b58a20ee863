package dev.ferrite.jdbc;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.sql.Blob;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * A BLOB held in memory: Ferrite stores BLOB values as byte arrays, so this is what
 * {@code getBlob} returns and what {@code Connection.createBlob} hands out. Positions are 1-based.
 */
final class MemoryBlob implements Blob {
  private byte[] bytes;
  private int length;

  MemoryBlob(byte[] bytes) {
    this.bytes = bytes;
    this.length = bytes.length;
  }

  private byte[] bytes() throws SQLException {
    if (bytes == null) {
      throw new SQLException("the Blob was freed", SqlExceptions.SEQUENCE_ERROR);
    }
    return bytes;
  }

  @Override
  public long length() throws SQLException {
    bytes();
    return length;
  }

  @Override
  public byte[] getBytes(long pos, int len) throws SQLException {
    byte[] b = bytes();
    if (pos < 1 || pos > length + 1L || len < 0) {
      throw SqlExceptions.invalidArgument("position " + pos + " or length " + len + " outside the Blob");
    }
    int start = (int) pos - 1;
    return Arrays.copyOfRange(b, start, Math.min(length, start + len));
  }

  @Override
  public InputStream getBinaryStream() throws SQLException {
    return new ByteArrayInputStream(bytes(), 0, length);
  }

  @Override
  public InputStream getBinaryStream(long pos, long len) throws SQLException {
    return new ByteArrayInputStream(getBytes(pos, Parameters.lengthOf(len)));
  }

  @Override
  public long position(byte[] pattern, long start) throws SQLException {
    byte[] b = bytes();
    outer:
    for (long i = Math.max(0, start - 1); i + pattern.length <= length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (b[(int) i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i + 1;
    }
    return -1;
  }

  @Override
  public long position(Blob pattern, long start) throws SQLException {
    return position(pattern.getBytes(1, Parameters.lengthOf(pattern.length())), start);
  }

  @Override
  public int setBytes(long pos, byte[] src) throws SQLException {
    return setBytes(pos, src, 0, src.length);
  }

  @Override
  public int setBytes(long pos, byte[] src, int offset, int len) throws SQLException {
    bytes();
    if (pos < 1 || pos > length + 1L) {
      throw SqlExceptions.invalidArgument("position " + pos + " outside the Blob");
    }
    int start = (int) pos - 1;
    int end = start + len;
    if (end > bytes.length) {
      bytes = Arrays.copyOf(bytes, Math.max(end, bytes.length * 2));
    }
    System.arraycopy(src, offset, bytes, start, len);
    length = Math.max(length, end);
    return len;
  }

  @Override
  public OutputStream setBinaryStream(long pos) throws SQLException {
    bytes();
    long[] at = {pos};
    return new OutputStream() {
      @Override
      public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) {
        try {
          at[0] += setBytes(at[0], b, off, len);
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }
    };
  }

  @Override
  public void truncate(long len) throws SQLException {
    bytes();
    if (len < 0 || len > length) {
      throw SqlExceptions.invalidArgument("cannot truncate to " + len);
    }
    length = (int) len;
  }

  @Override
  public void free() {
    bytes = null;
  }

  /** The current contents (a copy). */
  byte[] toBytes() throws SQLException {
    return Arrays.copyOf(bytes(), length);
  }
}
