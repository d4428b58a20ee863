package dev.ferrite.jdbc;

import dev.ferrite.engine.Database;
import dev.ferrite.engine.IsolationLevel;
import dev.ferrite.engine.Prepared;
import dev.ferrite.engine.Session;
import dev.ferrite.engine.catalog.Catalog;
import java.sql.Array;
import java.sql.Blob;
import java.sql.CallableStatement;
import java.sql.ClientInfoStatus;
import java.sql.Clob;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.NClob;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLClientInfoException;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.SQLXML;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Struct;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;

/**
 * A connection: one engine {@link Session} on a {@link Database} opened for it (databases are
 * reference-counted, so connections to one file share it).
 *
 * <p><b>Transactions.</b> Autocommit is on at first. {@link #commit()} is durable when it
 * returns. Savepoints need autocommit off; unnamed ones get generated names. Closing rolls back
 * open work. Result sets are CLOSE_CURSORS_AT_COMMIT: a forward-only result reads the
 * transaction's snapshot, so commit and rollback close it (scrollable results are already in
 * memory and stay readable).
 *
 * <p><b>Isolation.</b> Ferrite has two levels. TRANSACTION_SERIALIZABLE and
 * TRANSACTION_REPEATABLE_READ both run SERIALIZABLE (one snapshot per transaction, writers
 * serialised); TRANSACTION_READ_COMMITTED and TRANSACTION_READ_UNCOMMITTED both run READ
 * COMMITTED (a fresh snapshot per statement until the first write). {@link
 * #getTransactionIsolation()} reports the level in effect, and asking for a level that is
 * upgraded leaves a warning. The level cannot change inside a transaction (SQLSTATE 25000).
 * TRANSACTION_NONE is refused.
 *
 * <p><b>Threads.</b> Use a connection from one thread at a time, except {@link #close()}, {@link
 * #abort}, {@link #isValid} and {@code Statement.cancel()}, which may come from any thread: a
 * close from another thread cancels the running statement and waits for it to stop.
 *
 * <p><b>Not applicable here.</b> There is one schema, PUBLIC, and no catalogs; the network
 * timeout is stored and reported but nothing goes over a network; the type map is kept but
 * there are no user-defined types.
 */
public final class FerriteConnection implements Connection {
  private static final Set<String> CLIENT_INFO_NAMES = Set.of("ApplicationName", "ClientUser", "ClientHostname");
  /** How long a close from another thread waits for a cancelled statement to return. */
  private static final long CLOSE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(10);

  private final String url;
  private final Database database;
  final Session session;
  private final Object closeLock = new Object();
  private volatile boolean closed;
  /** Calls into the session now running on the owning thread (0 or 1; nested never). */
  private volatile int busy;
  private final Set<FerriteStatement> statements = ConcurrentHashMap.newKeySet();
  private final WarningChain warnings = new WarningChain();
  private final Properties clientInfo = new Properties();
  private int networkTimeout;
  private Map<String, Class<?>> typeMap = new HashMap<>();
  private int savepointCounter;
  private FerriteDatabaseMetaData metaData;
  /** What statements report as their connection: this, or the pool's handle wrapping it. */
  private volatile Connection facade = this;
  /** Set while the connection lives inside a PooledConnection, to report fatal errors. */
  private volatile FerritePooledConnection pooled;

  FerriteConnection(String url, Database database, Session session) {
    this.url = url;
    this.database = database;
    this.session = session;
  }

  // ---- plumbing shared with statements, result sets and metadata ----

  final void checkOpen() throws SQLException {
    if (closed) {
      throw SqlExceptions.connectionClosed();
    }
  }

  /**
   * Marks a session call as running, for a close from another thread; the write of busy before
   * the read of closed pairs with close's write of closed before its read of busy.
   */
  void enter() throws SQLException {
    busy = 1;
    if (closed) {
      busy = 0;
      throw SqlExceptions.connectionClosed();
    }
  }

  void exit() {
    busy = 0;
  }

  /** A call into the engine session; engine failures arrive as RuntimeExceptions. */
  @FunctionalInterface
  private interface SessionCall<T> {
    T call(Session session) throws SQLException;
  }

  /** A {@link SessionCall} without a result. */
  @FunctionalInterface
  private interface SessionAction {
    void run(Session session) throws SQLException;
  }

  /**
   * Runs {@code call} marked busy, so that a close from another thread waits for it (see {@link
   * #enter}), and maps what the engine throws through {@link #error(RuntimeException)}.
   */
  private <T> T fromSession(SessionCall<T> call) throws SQLException {
    enter();
    try {
      return call.call(session);
    } catch (RuntimeException e) {
      throw error(e);
    } finally {
      exit();
    }
  }

  /** {@link #fromSession} for calls without a result. */
  private void inSession(SessionAction action) throws SQLException {
    fromSession(s -> {
      action.run(s);
      return null;
    });
  }

  /** The single path by which engine failures leave the driver. */
  SQLException error(RuntimeException e, boolean timedOut) {
    if (closed && !(e instanceof dev.ferrite.engine.EngineException)) {
      return SqlExceptions.connectionClosed();
    }
    SQLException s = SqlExceptions.from(e, timedOut);
    FerritePooledConnection p = pooled;
    if (p != null && s.getSQLState() != null && s.getSQLState().startsWith("08")) {
      p.fatalError(s);
    }
    return s;
  }

  SQLException error(RuntimeException e) {
    return error(e, false);
  }

  /** The catalog the session sees now (for metadata and generated-key column positions). */
  Catalog catalogSnapshot() {
    return session.catalog();
  }

  Catalog catalog() throws SQLException {
    checkOpen();
    return fromSession(Session::catalog);
  }

  /** Prepares SQL for this connection's statements, prepared or not. */
  Prepared prepare(String sql) throws SQLException {
    if (sql == null) {
      throw SqlExceptions.invalidArgument("SQL must not be null");
    }
    return fromSession(s -> s.prepare(sql));
  }

  /** Prepares SQL for metadata purposes (view columns). */
  Prepared prepareInternal(String sql) {
    return session.prepare(sql);
  }

  String url() {
    return url;
  }

  Connection facade() {
    return facade;
  }

  void attachPool(FerritePooledConnection pool, Connection handle) {
    this.pooled = pool;
    this.facade = handle == null ? this : handle;
  }

  void statementClosed(FerriteStatement statement) {
    statements.remove(statement);
    FerritePooledConnection p = pooled;
    if (p != null && statement instanceof PreparedStatement) {
      p.preparedStatementClosed((PreparedStatement) statement);
    }
  }

  /** Closes every open statement, as a pool does before handing the connection to a new user. */
  void closeStatementsForReuse() throws SQLException {
    for (FerriteStatement s : statements) {
      s.close();
    }
  }

  private <T extends FerriteStatement> T register(T statement) {
    statements.add(statement);
    return statement;
  }

  /** Forward-only results read the transaction's snapshot; they end with it. */
  private void closeCursors() throws SQLException {
    for (FerriteStatement s : statements) {
      s.closeCursorAtCommit();
    }
  }

  // ---- statements ----

  /** Checks (and, with a warning, downgrades) a requested result set type. */
  private int resultSetType(int type, int concurrency, int holdability) throws SQLException {
    if (type != ResultSet.TYPE_FORWARD_ONLY && type != ResultSet.TYPE_SCROLL_INSENSITIVE
        && type != ResultSet.TYPE_SCROLL_SENSITIVE) {
      throw SqlExceptions.invalidArgument("unknown result set type " + type);
    }
    if (concurrency != ResultSet.CONCUR_READ_ONLY && concurrency != ResultSet.CONCUR_UPDATABLE) {
      throw SqlExceptions.invalidArgument("unknown result set concurrency " + concurrency);
    }
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT && holdability != ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlExceptions.invalidArgument("unknown result set holdability " + holdability);
    }
    if (type == ResultSet.TYPE_SCROLL_SENSITIVE) {
      warnings.add(new SQLWarning("TYPE_SCROLL_SENSITIVE is not supported; using TYPE_SCROLL_INSENSITIVE", "01000"));
      type = ResultSet.TYPE_SCROLL_INSENSITIVE;
    }
    if (concurrency == ResultSet.CONCUR_UPDATABLE) {
      warnings.add(new SQLWarning("CONCUR_UPDATABLE is not supported; using CONCUR_READ_ONLY", "01000"));
    }
    if (holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      warnings.add(new SQLWarning("HOLD_CURSORS_OVER_COMMIT is not supported; using CLOSE_CURSORS_AT_COMMIT", "01000"));
    }
    return type;
  }

  @Override
  public Statement createStatement() throws SQLException {
    return createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
  }

  @Override
  public Statement createStatement(int type, int concurrency) throws SQLException {
    return createStatement(type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
  }

  @Override
  public Statement createStatement(int type, int concurrency, int holdability) throws SQLException {
    checkOpen();
    return register(new FerriteStatement(this, resultSetType(type, concurrency, holdability), false));
  }

  private PreparedStatement newPreparedStatement(String sql, int type, GeneratedKeysRequest keys) throws SQLException {
    checkOpen();
    Prepared p = prepare(sql);
    return register(new FerritePreparedStatement(this, p, type, keys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql) throws SQLException {
    return newPreparedStatement(sql, ResultSet.TYPE_FORWARD_ONLY, GeneratedKeysRequest.NONE);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency) throws SQLException {
    return prepareStatement(sql, type, concurrency, ResultSet.CLOSE_CURSORS_AT_COMMIT);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int type, int concurrency, int holdability)
      throws SQLException {
    checkOpen();
    return newPreparedStatement(sql, resultSetType(type, concurrency, holdability), GeneratedKeysRequest.NONE);
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int autoGeneratedKeys) throws SQLException {
    if (autoGeneratedKeys != Statement.RETURN_GENERATED_KEYS && autoGeneratedKeys != Statement.NO_GENERATED_KEYS) {
      throw SqlExceptions.invalidArgument("unknown autoGeneratedKeys value " + autoGeneratedKeys);
    }
    return newPreparedStatement(sql, ResultSet.TYPE_FORWARD_ONLY, GeneratedKeysRequest.of(autoGeneratedKeys));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, int[] columnIndexes) throws SQLException {
    return newPreparedStatement(sql, ResultSet.TYPE_FORWARD_ONLY, GeneratedKeysRequest.ofIndexes(columnIndexes));
  }

  @Override
  public PreparedStatement prepareStatement(String sql, String[] columnNames) throws SQLException {
    return newPreparedStatement(sql, ResultSet.TYPE_FORWARD_ONLY, GeneratedKeysRequest.ofNames(columnNames));
  }

  @Override
  public CallableStatement prepareCall(String sql) throws SQLException {
    checkOpen();
    throw SqlExceptions.unsupported("stored procedures (prepareCall)");
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency) throws SQLException {
    return prepareCall(sql);
  }

  @Override
  public CallableStatement prepareCall(String sql, int type, int concurrency, int holdability) throws SQLException {
    return prepareCall(sql);
  }

  /** The SQL unchanged: the parser itself understands JDBC escapes ({fn ...}, {d ...}, {ts ...}). */
  @Override
  public String nativeSQL(String sql) throws SQLException {
    checkOpen();
    return sql;
  }

  // ---- transactions ----

  @Override
  public void setAutoCommit(boolean autoCommit) throws SQLException {
    checkOpen();
    inSession(s -> {
      if (s.autoCommit() == autoCommit) {
        return;
      }
      if (autoCommit) {
        // Switching on commits the open transaction, which ends the forward-only cursors.
        closeCursors();
      }
      s.setAutoCommit(autoCommit);
    });
  }

  @Override
  public boolean getAutoCommit() throws SQLException {
    checkOpen();
    try {
      return session.autoCommit();
    } catch (RuntimeException e) {
      throw error(e);
    }
  }

  private void checkNotAutoCommit(String what) throws SQLException {
    if (getAutoCommit()) {
      throw new SQLException(what + " is not allowed in autocommit mode", "25000");
    }
  }

  @Override
  public void commit() throws SQLException {
    checkOpen();
    checkNotAutoCommit("commit");
    closeCursors();
    inSession(Session::commit);
  }

  @Override
  public void rollback() throws SQLException {
    checkOpen();
    checkNotAutoCommit("rollback");
    closeCursors();
    inSession(Session::rollback);
  }

  @Override
  public Savepoint setSavepoint() throws SQLException {
    checkOpen();
    checkNotAutoCommit("setSavepoint");
    FerriteSavepoint sp = new FerriteSavepoint(this, ++savepointCounter, null);
    inSession(s -> s.setSavepoint(sp.engineName()));
    return sp;
  }

  @Override
  public Savepoint setSavepoint(String name) throws SQLException {
    checkOpen();
    if (name == null || name.isEmpty()) {
      throw SqlExceptions.invalidArgument("savepoint name must not be empty");
    }
    checkNotAutoCommit("setSavepoint");
    FerriteSavepoint sp = new FerriteSavepoint(this, 0, name);
    inSession(s -> s.setSavepoint(sp.engineName()));
    return sp;
  }

  private FerriteSavepoint own(Savepoint savepoint) throws SQLException {
    if (!(savepoint instanceof FerriteSavepoint) || ((FerriteSavepoint) savepoint).owner() != this) {
      throw new SQLException("the savepoint does not belong to this connection", "3B001");
    }
    return (FerriteSavepoint) savepoint;
  }

  @Override
  public void rollback(Savepoint savepoint) throws SQLException {
    checkOpen();
    FerriteSavepoint sp = own(savepoint);
    checkNotAutoCommit("rollback to a savepoint");
    inSession(s -> s.rollbackToSavepoint(sp.engineName()));
  }

  @Override
  public void releaseSavepoint(Savepoint savepoint) throws SQLException {
    checkOpen();
    FerriteSavepoint sp = own(savepoint);
    inSession(s -> s.releaseSavepoint(sp.engineName()));
  }

  /** See the class comment: the requested level maps onto READ COMMITTED or SERIALIZABLE. */
  @Override
  public void setTransactionIsolation(int level) throws SQLException {
    checkOpen();
    IsolationLevel target;
    switch (level) {
      case TRANSACTION_READ_UNCOMMITTED:
      case TRANSACTION_READ_COMMITTED:
        target = IsolationLevel.READ_COMMITTED;
        break;
      case TRANSACTION_REPEATABLE_READ:
      case TRANSACTION_SERIALIZABLE:
        target = IsolationLevel.SERIALIZABLE;
        break;
      case TRANSACTION_NONE:
        throw SqlExceptions.unsupported("TRANSACTION_NONE (Ferrite is always transactional)");
      default:
        throw SqlExceptions.invalidArgument("unknown isolation level " + level);
    }
    inSession(s -> {
      if (s.isolationLevel() != target) {
        s.setIsolationLevel(target);
      }
    });
    if (level == TRANSACTION_READ_UNCOMMITTED || level == TRANSACTION_REPEATABLE_READ) {
      warnings.add(new SQLWarning((level == TRANSACTION_READ_UNCOMMITTED ? "READ UNCOMMITTED" : "REPEATABLE READ")
          + " runs as "
          + (target == IsolationLevel.SERIALIZABLE ? "SERIALIZABLE" : "READ COMMITTED"), "01000"));
    }
  }

  @Override
  public int getTransactionIsolation() throws SQLException {
    checkOpen();
    try {
      return session.isolationLevel() == IsolationLevel.SERIALIZABLE
          ? TRANSACTION_SERIALIZABLE : TRANSACTION_READ_COMMITTED;
    } catch (RuntimeException e) {
      throw error(e);
    }
  }

  /**
   * Makes later transactions read-only (writes then fail with SQLSTATE 25006). On a database
   * opened with {@code readonly=true} the connection stays read-only whatever is asked, with a
   * warning: the request is a hint, as JDBC allows.
   */
  @Override
  public void setReadOnly(boolean readOnly) throws SQLException {
    checkOpen();
    inSession(s -> {
      if (s.readOnly() == readOnly) {
        return;
      }
      if (!readOnly && database.readOnly()) {
        warnings.add(new SQLWarning("the database was opened read-only; the connection stays read-only", "01000"));
        return;
      }
      s.setReadOnly(readOnly);
    });
  }

  @Override
  public boolean isReadOnly() throws SQLException {
    checkOpen();
    try {
      return session.readOnly();
    } catch (RuntimeException e) {
      throw error(e);
    }
  }

  @Override
  public void setHoldability(int holdability) throws SQLException {
    checkOpen();
    if (holdability == ResultSet.HOLD_CURSORS_OVER_COMMIT) {
      throw SqlExceptions.unsupported("HOLD_CURSORS_OVER_COMMIT");
    }
    if (holdability != ResultSet.CLOSE_CURSORS_AT_COMMIT) {
      throw SqlExceptions.invalidArgument("unknown holdability " + holdability);
    }
  }

  @Override
  public int getHoldability() throws SQLException {
    checkOpen();
    return ResultSet.CLOSE_CURSORS_AT_COMMIT;
  }

  // ---- closing ----

  @Override
  public void close() throws SQLException {
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    stopRunningStatement();
    releaseResources();
  }

  /** From another thread: cancel what runs and wait (bounded) until the session is free. */
  private void stopRunningStatement() {
    if (busy == 0) {
      return;
    }
    try {
      session.cancel();
    } catch (RuntimeException ignored) {
      // Closing anyway.
    }
    long deadline = System.nanoTime() + CLOSE_WAIT_NANOS;
    while (busy != 0 && System.nanoTime() < deadline) {
      java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
    }
  }

  /** Closes statements, the session (rolling back open work) and this user's database reference. */
  private void releaseResources() throws SQLException {
    for (FerriteStatement s : statements) {
      s.closeFromConnection();
    }
    statements.clear();
    RuntimeException failure = null;
    try {
      session.close();
    } catch (RuntimeException e) {
      failure = e;
    }
    try {
      database.close();
    } catch (RuntimeException e) {
      if (failure == null) {
        failure = e;
      }
    }
    if (failure != null) {
      throw SqlExceptions.from(failure);
    }
  }

  /**
   * Marks the connection closed at once, cancels its running statement and releases the
   * session on {@code executor}, as JDBC's abort requires.
   */
  @Override
  public void abort(Executor executor) throws SQLException {
    if (executor == null) {
      throw SqlExceptions.invalidArgument("executor must not be null");
    }
    synchronized (closeLock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      session.cancel();
    } catch (RuntimeException ignored) {
      // The release below still runs.
    }
    executor.execute(() -> {
      stopRunningStatement();
      try {
        releaseResources();
      } catch (SQLException ignored) {
        // Nobody is left to tell: abort has returned.
      }
    });
  }

  @Override
  public boolean isClosed() {
    return closed;
  }

  /** True while the connection, its session and its database are open; nothing to ping. */
  @Override
  public boolean isValid(int timeout) throws SQLException {
    Arguments.checkNonNegative(timeout, "timeout");
    if (closed) {
      return false;
    }
    try {
      return !session.isClosed() && !database.isClosed();
    } catch (RuntimeException e) {
      return false;
    }
  }

  // ---- schema, catalog, metadata ----

  @Override
  public DatabaseMetaData getMetaData() throws SQLException {
    checkOpen();
    if (metaData == null) {
      metaData = new FerriteDatabaseMetaData(this, database.readOnly());
    }
    return metaData;
  }

  /** Catalogs are not supported; the request is ignored, as JDBC specifies. */
  @Override
  public void setCatalog(String catalog) throws SQLException {
    checkOpen();
  }

  @Override
  public String getCatalog() throws SQLException {
    checkOpen();
    return null;
  }

  /** Only PUBLIC exists (case-insensitively); any other name fails with SQLSTATE 3F000. */
  @Override
  public void setSchema(String schema) throws SQLException {
    checkOpen();
    if (schema == null || !schema.equalsIgnoreCase(Catalog.SCHEMA)) {
      throw new SQLException("schema " + schema + " does not exist; the only schema is "
          + Catalog.SCHEMA, SqlExceptions.INVALID_SCHEMA);
    }
  }

  @Override
  public String getSchema() throws SQLException {
    checkOpen();
    return Catalog.SCHEMA;
  }

  // ---- warnings, client info, misc ----

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

  @Override
  public Map<String, Class<?>> getTypeMap() throws SQLException {
    checkOpen();
    return typeMap;
  }

  @Override
  public void setTypeMap(Map<String, Class<?>> map) throws SQLException {
    checkOpen();
    if (map == null) {
      throw SqlExceptions.invalidArgument("type map must not be null");
    }
    typeMap = map;
  }

  /**
   * Client info properties ApplicationName, ClientUser and ClientHostname are kept in the
   * connection (Ferrite is embedded: nobody else reads them); other names leave a warning.
   */
  @Override
  public void setClientInfo(String name, String value) throws SQLClientInfoException {
    if (closed) {
      throw new SQLClientInfoException("connection is closed", SqlExceptions.CONNECTION_CLOSED, 0,
          Map.of(String.valueOf(name), ClientInfoStatus.REASON_UNKNOWN));
    }
    if (name == null || !CLIENT_INFO_NAMES.contains(name)) {
      warnings.add(new SQLWarning("unknown client info property " + name + " ignored; known: "
          + CLIENT_INFO_NAMES, "01000"));
      return;
    }
    if (value == null) {
      clientInfo.remove(name);
    } else {
      clientInfo.setProperty(name, value);
    }
  }

  @Override
  public void setClientInfo(Properties properties) throws SQLClientInfoException {
    if (closed) {
      Map<String, ClientInfoStatus> failed = new HashMap<>();
      for (String n : properties.stringPropertyNames()) {
        failed.put(n, ClientInfoStatus.REASON_UNKNOWN);
      }
      throw new SQLClientInfoException("connection is closed", SqlExceptions.CONNECTION_CLOSED, 0, failed);
    }
    clientInfo.clear();
    for (String n : properties.stringPropertyNames()) {
      setClientInfo(n, properties.getProperty(n));
    }
  }

  @Override
  public String getClientInfo(String name) throws SQLException {
    checkOpen();
    return clientInfo.getProperty(name);
  }

  @Override
  public Properties getClientInfo() throws SQLException {
    checkOpen();
    Properties copy = new Properties();
    copy.putAll(clientInfo);
    return copy;
  }

  /** Stored and reported only: an embedded database has no network to time out. */
  @Override
  public void setNetworkTimeout(Executor executor, int milliseconds) throws SQLException {
    checkOpen();
    Arguments.checkNonNegative(milliseconds, "network timeout");
    networkTimeout = milliseconds;
  }

  @Override
  public int getNetworkTimeout() throws SQLException {
    checkOpen();
    return networkTimeout;
  }

  @Override
  public Clob createClob() throws SQLException {
    checkOpen();
    return new MemoryClob("");
  }

  @Override
  public NClob createNClob() throws SQLException {
    checkOpen();
    return new MemoryClob("");
  }

  @Override
  public Blob createBlob() throws SQLException {
    checkOpen();
    return new MemoryBlob(new byte[0]);
  }

  @Override
  public SQLXML createSQLXML() throws SQLException {
    throw SqlExceptions.unsupported("XML values");
  }

  @Override
  public Array createArrayOf(String typeName, Object[] elements) throws SQLException {
    throw SqlExceptions.unsupported("ARRAY values");
  }

  @Override
  public Struct createStruct(String typeName, Object[] attributes) throws SQLException {
    throw SqlExceptions.unsupported("STRUCT values");
  }

  /** The engine session behind this connection, for tools that need more than JDBC. */
  public Session session() {
    return session;
  }

  @Override
  public <T> T unwrap(Class<T> iface) throws SQLException {
    return Wrappers.unwrap(iface, this, session);
  }

  @Override
  public boolean isWrapperFor(Class<?> iface) {
    return Wrappers.isWrapperFor(iface, this, session);
  }

  @Override
  public String toString() {
    return "FerriteConnection[" + url + (closed ? ", closed" : "") + "]";
  }
}
