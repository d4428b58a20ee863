package dev.ferrite.jdbc;

import dev.ferrite.engine.ColumnMetadata;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.Result;
import dev.ferrite.engine.StatementKind;
import dev.ferrite.engine.type.SqlType;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A JDBC Statement over one Ferrite session. Each execution prepares the SQL (the engine's plan
 * cache makes repeats cheap) and runs it with this statement's row limit and timeout. One SQL
 * statement per call: a string with several is rejected by the engine (42000).
 *
 * <p>Results follow the JDBC rules: a query has a result set and update count -1; anything else
 * has an update count (0 for DDL and transaction control) and no result set; {@link
 * #getMoreResults()} then reports that nothing follows. Re-executing closes the previous
 * result set. Query timeouts are enforced by the engine; {@link #cancel()} may be called from any
 * thread. Not otherwise thread-safe.
 */
public class FerriteStatement implements Statement {
  private static final Object[] NO_PARAMETERS = new Object[0];

  final FerriteConnection connection;
  private final int resultSetType;
  private volatile boolean closed;
  /** The open result of the last execution, or null. */
  AbstractResultSet currentResult;
  private long updateCount = -1;
  private long maxRows;
  private int queryTimeout;
  private int fetchSize;
  private int maxFieldSize;
  private boolean closeOnCompletion;
  private boolean poolable;
  private final WarningChain warnings = new WarningChain();
  private volatile boolean executing;
  private volatile boolean cancelRequested;
  private GeneratedKeysRequest keysRequest = GeneratedKeysRequest.NONE;
  private List<ColumnMetadata> keyColumns = List.of();
  private List<Object[]> keyRows = List.of();
  private List<String> batch;
  private List<ColumnMetadata> lastColumns;
  private SqlType[] lastTypes;

  FerriteStatement(FerriteConnection connection, int resultSetType, boolean poolable) {
    this.connection = connection;
    this.resultSetType = resultSetType;
    this.poolable = poolable;
  }

  // ---- state and helpers shared with PreparedStatement and the result sets ----

  final void checkOpen() throws SQLException {
    if (closed) {
      throw SqlExceptions.statementClosed();
    }
  }

  /**
   * The column types of a result, remembered for the last column list seen: a prepared query
   * returns the same list every run, so its result sets share one array instead of building one
   * per execution.
   */
  final SqlType[] typesOf(List<ColumnMetadata> columns) {
    if (columns != lastColumns) {
      lastTypes = AbstractResultSet.typesOf(columns);
      lastColumns = columns;
    }
    return lastTypes;
  }

  int maxFieldSizeValue() {
    return maxFieldSize;
  }

  int fetchSizeValue() {
    return fetchSize;
  }

  /** Maps an engine failure of this statement; a cancellation nobody asked for is the timeout. */
  final SQLException error(RuntimeException e) {
    return connection.error(e, queryTimeout > 0 && !cancelRequested);
  }

  /** Closes the previous result and forgets its update count, keys and warnings. */
  final void resetResults() throws SQLException {
    closeCurrentResult();
    updateCount = -1;
    warnings.clear();
    if (!keyRows.isEmpty() || !keyColumns.isEmpty()) {
      keyRows = List.of();
      keyColumns = List.of();
    }
  }

  /** Runs a prepared statement in the session with this statement's limits. */
  final Result run(Prepared prepared, Object[] parameters) throws SQLException {
    cancelRequested = false;
    connection.enter();
    connection.session.armCancel();
    executing = true;
    try {
      return connection.session.execute(prepared, parameters, maxRows, queryTimeout * 1000L);
    } catch (RuntimeException e) {
      throw error(e);
    } finally {
      executing = false;
      connection.exit();
    }
  }

  /** Takes a result: opens its result set, or records its update count and generated keys. */
  final boolean accept(Result result, GeneratedKeysRequest keys) throws SQLException {
    if (result.isQuery()) {
      updateCount = -1;
      currentResult = resultSetType == ResultSet.TYPE_SCROLL_INSENSITIVE
          ? ListResultSet.materialize(this, result.rows())
          : new CursorResultSet(this, result.rows());
      return true;
    }
    updateCount = result.updateCount();
    keysRequest = keys;
    if (keys.wanted()) {
      keyColumns = result.generatedKeyColumns();
      keyRows = result.generatedKeys();
    }
    return false;
  }

  /** Adds the keys of one batch item to those of the earlier items. */
  final void accumulateKeys(Result result) {
    if (result.generatedKeys().isEmpty()) {
      return;
    }
    if (keyRows.isEmpty()) {
      keyColumns = result.generatedKeyColumns();
      keyRows = new ArrayList<>(result.generatedKeys());
    } else {
      if (!(keyRows instanceof ArrayList)) {
        keyRows = new ArrayList<>(keyRows);
      }
      keyRows.addAll(result.generatedKeys());
    }
  }

  final void setKeysRequest(GeneratedKeysRequest keys) {
    this.keysRequest = keys;
  }

  /** Called by a result set of this statement when it closes. */
  void resultSetClosed(AbstractResultSet rs) throws SQLException {
    if (rs == currentResult) {
      currentResult = null;
      if (closeOnCompletion) {
        close();
      }
    }
  }

  /** Closes the forward-only result at commit or rollback: its snapshot ends with the transaction. */
  void closeCursorAtCommit() throws SQLException {
    if (currentResult instanceof CursorResultSet) {
      closeCurrentResult();
    }
  }

  /** Closes the open result, if any; forgotten first, so its close does not trigger closeOnCompletion. */
  private void closeCurrentResult() throws SQLException {
    AbstractResultSet rs = currentResult;
    currentResult = null;
    if (rs != null) {
      rs.close();
    }
  }

  static SQLException notAQuery() {
    return new SQLException("executeQuery: the statement does not return rows; use executeUpdate or execute",
        SqlExceptions.NOT_A_QUERY);
  }

  static SQLException isAQuery() {
    return new SQLException("executeUpdate: the statement returns rows; use executeQuery or execute",
        SqlExceptions.IS_A_QUERY);
  }

  static int clamp(long count) {
    return count > Integer.MAX_VALUE ? Integer.MAX_VALUE : (int) count;
  }

  // ---- execution ----

  private boolean executeSql(String sql, GeneratedKeysRequest keys) throws SQLException {
    checkOpen();
    resetResults();
    Prepared p = connection.prepare(sql);
    return accept(run(p, NO_PARAMETERS), keys);
  }

  @Override
  public ResultSet executeQuery(String sql) throws SQLException {
    checkOpen();
    resetResults();
    Prepared p = connection.prepare(sql);
    if (p.kind() != StatementKind.QUERY) {
      throw notAQuery();
    }
    accept(run(p, NO_PARAMETERS), GeneratedKeysRequest.NONE);
    return currentResult;
  }

  private long executeLargeUpdate(String sql, GeneratedKeysRequest keys) throws SQLException {
    checkOpen();
    resetResults();
    Prepared p = connection.prepare(sql);
    if (p.kind() == StatementKind.QUERY) {
      throw isAQuery();
    }
    accept(run(p, NO_PARAMETERS), keys);
    return updateCount;
  }

  @Override
  public boolean execute(String sql) throws SQLException {
    return executeSql(sql, GeneratedKeysRequest.NONE);
  }

  @Override
  public boolean execute(String sql, int autoGeneratedKeys) throws SQLException {
    return executeSql(sql, GeneratedKeysRequest.of(autoGeneratedKeys));
  }

  @Override
  public boolean execute(String sql, int[] columnIndexes) throws SQLException {
    return executeSql(sql, GeneratedKeysRequest.ofIndexes(columnIndexes));
  }

  @Override
  public boolean execute(String sql, String[] columnNames) throws SQLException {
    return executeSql(sql, GeneratedKeysRequest.ofNames(columnNames));
  }

  @Override
  public int executeUpdate(String sql) throws SQLException {
    return clamp(executeLargeUpdate(sql, GeneratedKeysRequest.NONE));
  }

  @Override
  public int executeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return clamp(executeLargeUpdate(sql, GeneratedKeysRequest.of(autoGeneratedKeys)));
  }

  @Override
  public int executeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return clamp(executeLargeUpdate(sql, GeneratedKeysRequest.ofIndexes(columnIndexes)));
  }

  @Override
  public int executeUpdate(String sql, String[] columnNames) throws SQLException {
    return clamp(executeLargeUpdate(sql, GeneratedKeysRequest.ofNames(columnNames)));
  }

  @Override
  public long executeLargeUpdate(String sql) throws SQLException {
    return executeLargeUpdate(sql, GeneratedKeysRequest.NONE);
  }

  @Override
  public long executeLargeUpdate(String sql, int autoGeneratedKeys) throws SQLException {
    return executeLargeUpdate(sql, GeneratedKeysRequest.of(autoGeneratedKeys));
  }

  @Override
  public long executeLargeUpdate(String sql, int[] columnIndexes) throws SQLException {
    return executeLargeUpdate(sql, GeneratedKeysRequest.ofIndexes(columnIndexes));
  }

  @Override
  public long executeLargeUpdate(String sql, String[] columnNames) throws SQLException {
    return executeLargeUpdate(sql, GeneratedKeysRequest.ofNames(columnNames));
  }

  // ---- batches ----

  @Override
  public void addBatch(String sql) throws SQLException {
    checkOpen();
    if (sql == null) {
      throw SqlExceptions.invalidArgument("SQL must not be null");
    }
    if (batch == null) {
      batch = new ArrayList<>();
    }
    batch.add(sql);
  }

  @Override
  public void clearBatch() throws SQLException {
    checkOpen();
    batch = null;
  }

  @Override
  public int[] executeBatch() throws SQLException {
    long[] counts = executeLargeBatch();
    int[] result = new int[counts.length];
    for (int i = 0; i < counts.length; i++) {
      result[i] = clamp(counts[i]);
    }
    return result;
  }

  /**
   * Runs the batched statements in order, each as if executed alone (so in autocommit mode each
   * commits). The first failure stops the batch: the BatchUpdateException holds the counts of
   * the statements before it. Queries are not allowed in a batch.
   */
  @Override
  public long[] executeLargeBatch() throws SQLException {
    checkOpen();
    List<String> items = batch == null ? List.of() : batch;
    batch = null;
    resetResults();
    long[] counts = new long[items.size()];
    for (int i = 0; i < counts.length; i++) {
      try {
        Prepared p = connection.prepare(items.get(i));
        if (p.kind() == StatementKind.QUERY) {
          throw new SQLException("a batch may not contain a query: " + items.get(i), SqlExceptions.IS_A_QUERY);
        }
        counts[i] = run(p, NO_PARAMETERS).updateCount();
      } catch (SQLException e) {
        throw batchFailure(e, i, Arrays.copyOf(counts, i));
      }
    }
    return counts;
  }

  static BatchUpdateException batchFailure(SQLException cause, int item, long[] countsSoFar) {
    BatchUpdateException b = new BatchUpdateException("batch item " + (item + 1) + " failed: "
        + cause.getMessage(), cause.getSQLState(), cause.getErrorCode(), countsSoFar, cause);
    b.setNextException(cause);
    return b;
  }

  // ---- results ----

  @Override
  public ResultSet getResultSet() throws SQLException {
    checkOpen();
    return currentResult;
  }

  @Override
  public int getUpdateCount() throws SQLException {
    return clamp(getLargeUpdateCount());
  }

  @Override
  public long getLargeUpdateCount() throws SQLException {
    checkOpen();
    return currentResult != null ? -1 : updateCount;
  }

  @Override
  public boolean getMoreResults() throws SQLException {
    return getMoreResults(CLOSE_CURRENT_RESULT);
  }

  /** There is never a second result: closes the current one and reports the end. */
  @Override
  public boolean getMoreResults(int current) throws SQLException {
    checkOpen();
    if (current == KEEP_CURRENT_RESULT) {
      throw SqlExceptions.unsupported("getMoreResults(KEEP_CURRENT_RESULT) (multiple open results)");
    }
    if (current != CLOSE_CURRENT_RESULT && current != CLOSE_ALL_RESULTS) {
      throw SqlExceptions.invalidArgument("unknown getMoreResults mode " + current);
    }
    closeCurrentResult();
    updateCount = -1;
    return false;
  }

  @Override
  public ResultSet getGeneratedKeys() throws SQLException {
    checkOpen();
    if (!keysRequest.wanted() || keyColumns.isEmpty()) {
      return new ListResultSet(this, keyColumns, List.of());
    }
    List<SQLWarning> missing = new ArrayList<>();
    int[] pick = keysRequest.select(keyColumns, connection::catalogSnapshot, missing);
    missing.forEach(warnings::add);
    List<ColumnMetadata> cols = new ArrayList<>(pick.length);
    for (int k : pick) {
      cols.add(keyColumns.get(k));
    }
    if (pick.length == 0) {
      // None of the requested columns has generated values: no columns, so no rows either.
      return new ListResultSet(this, cols, List.of());
    }
    List<Object[]> rows = new ArrayList<>(keyRows.size());
    for (Object[] r : keyRows) {
      Object[] row = new Object[pick.length];
      for (int i = 0; i < pick.length; i++) {
        row[i] = r[pick[i]];
      }
      rows.add(row);
    }
    return new ListResultSet(this, cols, rows);
  }

  // ---- cancel and close ----

  /**
   * Stops this statement's running query, or the query whose rows are being read, from any
   * thread: it fails with SQLSTATE 57014. Does nothing when the statement is idle.
   */
  @Override
  public void cancel() throws SQLException {
    checkOpen();
    AbstractResultSet rs = currentResult;
    if (executing || (rs instanceof CursorResultSet && ((CursorResultSet) rs).streaming())) {
      cancelRequested = true;
      try {
        connection.session.cancel();
      } catch (RuntimeException e) {
        throw connection.error(e, false);
      }
    }
  }

  @Override
  public void close() throws SQLException {
    if (closed) {
      return;
    }
    closed = true;
    if (executing) {
      // Closed from another thread while running: stop the engine rather than wait for it.
      cancelRequested = true;
      try {
        connection.session.cancel();
      } catch (RuntimeException ignored) {
        // The statement is going away either way.
      }
    }
    try {
      closeCurrentResult();
    } finally {
      batch = null;
      connection.statementClosed(this);
    }
  }

  /** Closes without telling the connection (the connection is closing all of them). */
  void closeFromConnection() {
    if (!closed) {
      closed = true;
      AbstractResultSet rs = currentResult;
      currentResult = null;
      if (rs != null) {
        rs.closed = true;
        rs.release();
      }
    }
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  @Override
  public void closeOnCompletion() throws SQLException {
    checkOpen();
    closeOnCompletion = true;
  }

  @Override
  public boolean isCloseOnCompletion() throws SQLException {
    checkOpen();
    return closeOnCompletion;
  }

  // ---- settings ----

  @Override
  public int getMaxFieldSize() throws SQLException {
    checkOpen();
    return maxFieldSize;
  }

  /** Truncates CHAR/VARCHAR/CLOB and binary values read from later results to this many characters/bytes. */
  @Override
  public void setMaxFieldSize(int max) throws SQLException {
    checkOpen();
    Arguments.checkNonNegative(max, "max field size");
    maxFieldSize = max;
  }

  @Override
  public int getMaxRows() throws SQLException {
    return clamp(getLargeMaxRows());
  }

  @Override
  public void setMaxRows(int max) throws SQLException {
    setLargeMaxRows(max);
  }

  @Override
  public long getLargeMaxRows() throws SQLException {
    checkOpen();
    return maxRows;
  }

  /** The engine stops a query after this many rows (0: no limit). */
  @Override
  public void setLargeMaxRows(long max) throws SQLException {
    checkOpen();
    Arguments.checkNonNegative(max, "max rows");
    maxRows = max;
  }

  /** Escape syntax ({fn ...}, {d '...'}, {ts '...'}) is always understood by the SQL parser. */
  @Override
  public void setEscapeProcessing(boolean enable) throws SQLException {
    checkOpen();
  }

  @Override
  public int getQueryTimeout() throws SQLException {
    checkOpen();
    return queryTimeout;
  }

  /**
   * The engine cancels a statement running longer than this (0: no limit); the statement then
   * fails with SQLTimeoutException (SQLSTATE 57014). The limit also covers reading the rows.
   */
  @Override
  public void setQueryTimeout(int seconds) throws SQLException {
    checkOpen();
    Arguments.checkNonNegative(seconds, "query timeout");
    queryTimeout = seconds;
  }

  @Override
  public SQLWarning getWarnings() throws SQLException {
    checkOpen();
    return warnings.first();
  }

  @Override
  public void clearWarnings() throws SQLException {
    checkOpen();
    warnings.clear();
  }

  /** Positioned UPDATE/DELETE is not supported, so a cursor name is accepted and unused. */
  @Override
  public void setCursorName(String name) throws SQLException {
    checkOpen();
  }

  @Override
  public void setFetchDirection(int direction) throws SQLException {
    checkOpen();
    Arguments.checkFetchDirection(direction, resultSetType, "statement");
  }

  @Override
  public int getFetchDirection() throws SQLException {
    checkOpen();
    return ResultSet.FETCH_FORWARD;
  }

  /** A hint only: rows stream from the engine one at a time, so there is no batch to size. */
  @Override
  public void setFetchSize(int rows) throws SQLException {
    checkOpen();
    Arguments.checkNonNegative(rows, "fetch size");
    fetchSize = rows;
  }

  @Override
  public int getFetchSize() throws SQLException {
    checkOpen();
    return fetchSize;
  }

  @Override
  public int getResultSetConcurrency() throws SQLException {
    checkOpen();
    return ResultSet.CONCUR_READ_ONLY;
  }

  @Override
  public int getResultSetType() throws SQLException {
    checkOpen();
    return resultSetType;
  }

  @Override
  public int getResultSetHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  @Override
  public Connection getConnection() throws SQLException {
    checkOpen();
    return connection.facade();
  }

  @Override
  public void setPoolable(boolean poolable) throws SQLException {
    checkOpen();
    this.poolable = poolable;
  }

  @Override
  public boolean isPoolable() throws SQLException {
    checkOpen();
    return poolable;
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
