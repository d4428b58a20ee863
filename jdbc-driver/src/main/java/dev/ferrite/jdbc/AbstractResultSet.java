package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.type.SqlType;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Blob;
import java.sql.Clob;
import java.sql.Date;
import java.sql.NClob;
import java.sql.Ref;
import java.sql.ResultSetMetaData;
import java.sql.RowId;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Statement;
import java.sql.Time;
import java.sql.Timestamp;
import java.util.Calendar;
import java.util.List;
import java.util.Map;

/**
 * The reading half of every Ferrite result set: typed getters by index and label with the
 * conversions of {@link Values}, wasNull, metadata, warnings. Subclasses say how rows are
 * reached: {@link CursorResultSet} streams forward from the engine, {@link ListResultSet} holds
 * the rows in memory and scrolls. Getters do no allocation beyond boxing what the caller asks
 * for: a range check, one virtual call for the value, one conversion.
 */
abstract class AbstractResultSet extends ReadOnlyResultSet {
  /** The statement that made it, or null for DatabaseMetaData results. */
  final FerriteStatement statement;
  final List<ColumnMetadata> columns;
  private final SqlType[] types;
  private final int columnCount;
  private final int maxFieldSize;
  boolean closed;
  private boolean wasNull;
  private int fetchSize;
  private int fetchDirection = FETCH_FORWARD;
  private ColumnLabels labels;
  private ResultSetMetaData metaData;

  AbstractResultSet(FerriteStatement statement, List<ColumnMetadata> columns) {
    this.statement = statement;
    this.columns = columns;
    this.columnCount = columns.size();
    this.types = statement != null ? statement.typesOf(columns) : typesOf(columns);
    this.maxFieldSize = statement == null ? 0 : statement.maxFieldSizeValue();
    this.fetchSize = statement == null ? 0 : statement.fetchSizeValue();
  }

  /** The SQL type of each column, in order. */
  static SqlType[] typesOf(List<ColumnMetadata> columns) {
    SqlType[] types = new SqlType[columns.size()];
    for (int i = 0; i < types.length; i++) {
      types[i] = columns.get(i).type().type();
    }
    return types;
  }

  /** Value of 0-based column {@code index} in the current row; SQLException when there is none. */
  abstract Object current(int index) throws SQLException;

  /** Releases what the subclass holds (the engine cursor). */
  abstract void release();

  @Override
  final void checkOpen() throws SQLException {
    if (closed) {
      throw SqlExceptions.resultSetClosed();
    }
  }

  /** The value of 1-based {@code column}, remembering whether it was NULL. */
  private Object value(int column) throws SQLException {
    checkOpen();
    Object v = current(Arguments.checkIndex("column", column, columnCount));
    wasNull = v == null;
    return v;
  }

  static SQLException noCurrentRow() {
    return new SQLException("no current row: call next() first, or the rows are exhausted",
        SqlExceptions.SEQUENCE_ERROR);
  }

  @Override
  public void close() throws SQLException {
    if (!closed) {
      closed = true;
      release();
      if (statement != null) {
        statement.resultSetClosed(this);
      }
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public boolean wasNull() throws SQLException {
    checkOpen();
    return wasNull;
  }

  @Override
  public int findColumn(String columnLabel) throws SQLException {
    checkOpen();
    if (labels == null) {
      labels = new ColumnLabels(columns);
    }
    int i = columnLabel == null ? 0 : labels.find(columnLabel);
    if (i == 0) {
      throw new SQLException("no column labelled '" + columnLabel + "' in the result",
          "42S22");
    }
    return i;
  }

  // ---- getters by index ----

  @Override
  public String getString(int column) throws SQLException {
    Object v = value(column);
    if (v == null) {
      return null;
    }
    String s = Values.toString(v, types[column - 1]);
    return maxFieldSize > 0 && s.length() > maxFieldSize && types[column - 1].isCharacter()
        ? s.substring(0, maxFieldSize) : s;
  }

  @Override
  public boolean getBoolean(int column) throws SQLException {
    Object v = value(column);
    return v != null && Values.toBoolean(v);
  }

  @Override
  public byte getByte(int column) throws SQLException {
    Object v = value(column);
    return v == null ? 0 : Values.toByte(v);
  }

  @Override
  public short getShort(int column) throws SQLException {
    Object v = value(column);
    return v == null ? 0 : Values.toShort(v);
  }

  @Override
  public int getInt(int column) throws SQLException {
    Object v = value(column);
    return v == null ? 0 : Values.toInt(v);
  }

  @Override
  public long getLong(int column) throws SQLException {
    Object v = value(column);
    return v == null ? 0 : Values.toLong(v);
  }

  @Override
  public float getFloat(int column) throws SQLException {
    Object v = value(column);
    return v == null ? 0 : Values.toFloat(v);
  }

  @Override
  public double getDouble(int column) throws SQLException {
    Object v = value(column);
    return v == null ? 0 : Values.toDouble(v);
  }

  @Override
  public BigDecimal getBigDecimal(int column) throws SQLException {
    Object v = value(column);
    return v == null ? null : Values.toBigDecimal(v);
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(int column, int scale) throws SQLException {
    BigDecimal d = getBigDecimal(column);
    return d == null ? null : d.setScale(scale, RoundingMode.HALF_UP);
  }

  @Override
  public byte[] getBytes(int column) throws SQLException {
    Object v = value(column);
    if (v == null) {
      return null;
    }
    byte[] b = Values.toBytes(v);
    return maxFieldSize > 0 && b.length > maxFieldSize ? java.util.Arrays.copyOf(b, maxFieldSize) : b;
  }

  @Override
  public Date getDate(int column) throws SQLException {
    return getDate(column, null);
  }

  @Override
  public Time getTime(int column) throws SQLException {
    return getTime(column, null);
  }

  @Override
  public Timestamp getTimestamp(int column) throws SQLException {
    return getTimestamp(column, null);
  }

  @Override
  public Date getDate(int column, Calendar cal) throws SQLException {
    Object v = value(column);
    return v == null ? null : Values.toDate(v, cal);
  }

  @Override
  public Time getTime(int column, Calendar cal) throws SQLException {
    Object v = value(column);
    return v == null ? null : Values.toTime(v, cal);
  }

  @Override
  public Timestamp getTimestamp(int column, Calendar cal) throws SQLException {
    Object v = value(column);
    return v == null ? null : Values.toTimestamp(v, cal);
  }

  @Override
  public InputStream getAsciiStream(int column) throws SQLException {
    String s = getString(column);
    return s == null ? null : new ByteArrayInputStream(s.getBytes(StandardCharsets.US_ASCII));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(int column) throws SQLException {
    throw SqlExceptions.unsupported("getUnicodeStream (deprecated; use getCharacterStream)");
  }

  @Override
  public InputStream getBinaryStream(int column) throws SQLException {
    byte[] b = getBytes(column);
    return b == null ? null : new ByteArrayInputStream(b);
  }

  @Override
  public Reader getCharacterStream(int column) throws SQLException {
    String s = getString(column);
    return s == null ? null : new StringReader(s);
  }

  @Override
  public Reader getNCharacterStream(int column) throws SQLException {
    return getCharacterStream(column);
  }

  @Override
  public String getNString(int column) throws SQLException {
    return getString(column);
  }

  @Override
  public Object getObject(int column) throws SQLException {
    Object v = value(column);
    return v == null ? null : Values.toJdbcObject(v, types[column - 1]);
  }

  @Override
  public <T> T getObject(int column, Class<T> type) throws SQLException {
    if (type == null) {
      throw SqlExceptions.invalidArgument("type must not be null");
    }
    Object v = value(column);
    return v == null ? null : Values.toClass(v, types[column - 1], type);
  }

  @Override
  public Object getObject(int column, Map<String, Class<?>> map) throws SQLException {
    // Ferrite has no user-defined types, so a type map never applies.
    return getObject(column);
  }

  @Override
  public Blob getBlob(int column) throws SQLException {
    Object v = value(column);
    return v == null ? null : new MemoryBlob(Values.toBytes(v));
  }

  @Override
  public Clob getClob(int column) throws SQLException {
    return getNClob(column);
  }

  @Override
  public NClob getNClob(int column) throws SQLException {
    Object v = value(column);
    return v == null ? null : new MemoryClob(Values.toString(v, types[column - 1]));
  }

  @Override
  public Ref getRef(int column) throws SQLException {
    throw SqlExceptions.unsupported("REF values");
  }

  @Override
  public Array getArray(int column) throws SQLException {
    throw SqlExceptions.unsupported("ARRAY values");
  }

  @Override
  public URL getURL(int column) throws SQLException {
    throw SqlExceptions.unsupported("DATALINK values");
  }

  @Override
  public RowId getRowId(int column) throws SQLException {
    throw SqlExceptions.unsupported("ROWID values");
  }

  @Override
  public SQLXML getSQLXML(int column) throws SQLException {
    throw SqlExceptions.unsupported("XML values");
  }

  // ---- getters by label ----

  @Override
  public String getString(String label) throws SQLException {
    return getString(findColumn(label));
  }

  @Override
  public boolean getBoolean(String label) throws SQLException {
    return getBoolean(findColumn(label));
  }

  @Override
  public byte getByte(String label) throws SQLException {
    return getByte(findColumn(label));
  }

  @Override
  public short getShort(String label) throws SQLException {
    return getShort(findColumn(label));
  }

  @Override
  public int getInt(String label) throws SQLException {
    return getInt(findColumn(label));
  }

  @Override
  public long getLong(String label) throws SQLException {
    return getLong(findColumn(label));
  }

  @Override
  public float getFloat(String label) throws SQLException {
    return getFloat(findColumn(label));
  }

  @Override
  public double getDouble(String label) throws SQLException {
    return getDouble(findColumn(label));
  }

  @Override
  @Deprecated
  public BigDecimal getBigDecimal(String label, int scale) throws SQLException {
    return getBigDecimal(findColumn(label), scale);
  }

  @Override
  public BigDecimal getBigDecimal(String label) throws SQLException {
    return getBigDecimal(findColumn(label));
  }

  @Override
  public byte[] getBytes(String label) throws SQLException {
    return getBytes(findColumn(label));
  }

  @Override
  public Date getDate(String label) throws SQLException {
    return getDate(findColumn(label));
  }

  @Override
  public Time getTime(String label) throws SQLException {
    return getTime(findColumn(label));
  }

  @Override
  public Timestamp getTimestamp(String label) throws SQLException {
    return getTimestamp(findColumn(label));
  }

  @Override
  public Date getDate(String label, Calendar cal) throws SQLException {
    return getDate(findColumn(label), cal);
  }

  @Override
  public Time getTime(String label, Calendar cal) throws SQLException {
    return getTime(findColumn(label), cal);
  }

  @Override
  public Timestamp getTimestamp(String label, Calendar cal) throws SQLException {
    return getTimestamp(findColumn(label), cal);
  }

  @Override
  public InputStream getAsciiStream(String label) throws SQLException {
    return getAsciiStream(findColumn(label));
  }

  @Override
  @Deprecated
  public InputStream getUnicodeStream(String label) throws SQLException {
    return getUnicodeStream(findColumn(label));
  }

  @Override
  public InputStream getBinaryStream(String label) throws SQLException {
    return getBinaryStream(findColumn(label));
  }

  @Override
  public Reader getCharacterStream(String label) throws SQLException {
    return getCharacterStream(findColumn(label));
  }

  @Override
  public Reader getNCharacterStream(String label) throws SQLException {
    return getNCharacterStream(findColumn(label));
  }

  @Override
  public String getNString(String label) throws SQLException {
    return getNString(findColumn(label));
  }

  @Override
  public Object getObject(String label) throws SQLException {
    return getObject(findColumn(label));
  }

  @Override
  public <T> T getObject(String label, Class<T> type) throws SQLException {
    return getObject(findColumn(label), type);
  }

  @Override
  public Object getObject(String label, Map<String, Class<?>> map) throws SQLException {
    return getObject(findColumn(label), map);
  }

  @Override
  public Blob getBlob(String label) throws SQLException {
    return getBlob(findColumn(label));
  }

  @Override
  public Clob getClob(String label) throws SQLException {
    return getClob(findColumn(label));
  }

  @Override
  public NClob getNClob(String label) throws SQLException {
    return getNClob(findColumn(label));
  }

  @Override
  public Ref getRef(String label) throws SQLException {
    return getRef(findColumn(label));
  }

  @Override
  public Array getArray(String label) throws SQLException {
    return getArray(findColumn(label));
  }

  @Override
  public URL getURL(String label) throws SQLException {
    return getURL(findColumn(label));
  }

  @Override
  public RowId getRowId(String label) throws SQLException {
    return getRowId(findColumn(label));
  }

  @Override
  public SQLXML getSQLXML(String label) throws SQLException {
    return getSQLXML(findColumn(label));
  }

  // ---- everything else ----

  @Override
  public ResultSetMetaData getMetaData() throws SQLException {
    checkOpen();
    if (metaData == null) {
      metaData = new FerriteResultSetMetaData(columns);
    }
    return metaData;
  }

  /** Reading rows raises no warnings: the chain is always empty. */
  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return null;
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
  }

  @Override
  public String getCursorName() throws SQLException {
    throw SqlExceptions.unsupported("named cursors (positioned UPDATE/DELETE)");
  }

  @Override
  public Statement getStatement() throws SQLException {
    checkOpen();
    return statement;
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    Arguments.checkNonNegative(rows, "fetch size");
    // A hint only: the engine produces rows on demand, there is no batch to size.
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    Arguments.checkFetchDirection(direction, getType(), "result set");
    fetchDirection = direction;
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return fetchDirection;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(iface, this);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(iface, this);
  }
}
