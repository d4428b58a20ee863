package dev.ferrite.jdbc;

import java.io.Reader;
import java.io.StringReader;
import java.io.Writer;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Clob;
import java.sql.NClob;
import java.sql.SQLException;

/**
 * A CLOB held in memory. Ferrite stores CLOB values as strings, so this is both what
 * {@code getClob} returns and what {@code Connection.createClob} hands out to be filled and
 * passed to {@code setClob}. Positions are 1-based, as in JDBC.
 */
final class MemoryClob implements NClob {
  private StringBuilder text;

  MemoryClob(String text) {
    this.text = new StringBuilder(text);
  }

  private StringBuilder text() throws SQLException {
    if (text == null) {
      throw new SQLException("the Clob was freed", SqlExceptions.SEQUENCE_ERROR);
    }
    return text;
  }

  @Override
  public long length() throws SQLException {
    return text().length();
  }

  @Override
  public String getSubString(long pos, int length) throws SQLException {
    StringBuilder t = text();
    if (pos < 1 || pos > t.length() + 1L || length < 0) {
      throw SqlExceptions.invalidArgument("position " + pos + " or length " + length + " outside the Clob");
    }
    int start = (int) pos - 1;
    return t.substring(start, Math.min(t.length(), start + length));
  }

  @Override
  public Reader getCharacterStream() throws SQLException {
    return new StringReader(text().toString());
  }

  @Override
  public Reader getCharacterStream(long pos, long length) throws SQLException {
    return new StringReader(getSubString(pos, Parameters.lengthOf(length)));
  }

  @Override
  public InputStream getAsciiStream() throws SQLException {
    return new ByteArrayInputStream(text().toString().getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  public long position(String searchstr, long start) throws SQLException {
    if (start < 1) {
      throw SqlExceptions.invalidArgument("start must be >= 1");
    }
    int i = text().indexOf(searchstr, (int) Math.min(Integer.MAX_VALUE, start - 1));
    return i < 0 ? -1 : i + 1;
  }

  @Override
  public long position(Clob searchstr, long start) throws SQLException {
    return position(searchstr.getSubString(1, Parameters.lengthOf(searchstr.length())), start);
  }

  @Override
  public int setString(long pos, String str) throws SQLException {
    return setString(pos, str, 0, str.length());
  }

  @Override
  public int setString(long pos, String str, int offset, int len) throws SQLException {
    StringBuilder t = text();
    if (pos < 1 || pos > t.length() + 1L) {
      throw SqlExceptions.invalidArgument("position " + pos + " outside the Clob");
    }
    int start = (int) pos - 1;
    String part = str.substring(offset, offset + len);
    t.replace(start, Math.min(t.length(), start + part.length()), part);
    return part.length();
  }

  @Override
  public OutputStream setAsciiStream(long pos) throws SQLException {
    throw SqlExceptions.unsupported("Clob.setAsciiStream");
  }

  @Override
  public Writer setCharacterStream(long pos) throws SQLException {
    text();
    long[] at = {pos};
    return new Writer() {
      @Override
      public void write(char[] cbuf, int off, int len) {
        try {
          at[0] += setString(at[0], new String(cbuf, off, len));
        } catch (SQLException e) {
          throw new IllegalStateException(e);
        }
      }

      @Override
      public void flush() {
      }

      @Override
      public void close() {
      }
    };
  }

  @Override
  public void truncate(long len) throws SQLException {
    StringBuilder t = text();
    if (len < 0 || len > t.length()) {
      throw SqlExceptions.invalidArgument("cannot truncate to " + len);
    }
    t.setLength((int) len);
  }

  @Override
  public void free() {
    text = null;
  }

  @Override
  public String toString() {
    return text == null ? "" : text.toString();
  }
}
