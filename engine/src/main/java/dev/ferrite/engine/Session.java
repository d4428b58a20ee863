package dev.ferrite.engine;

import dev.ferrite.engine.catalog.Catalog;
import dev.ferrite.engine.ddl.DdlExecutor;
import dev.ferrite.engine.exec.ExecContext;
import dev.ferrite.engine.exec.RowSource;
import dev.ferrite.engine.parse.SqlTransactionControl;
import dev.ferrite.engine.plan.SqlPlanner;
import dev.ferrite.engine.session.Plan;
import dev.ferrite.engine.session.StatementPlanner;
import dev.ferrite.engine.session.TemplateCache;
import dev.ferrite.engine.session.TriggerFiring;
import dev.ferrite.engine.txn.EngineTransaction;
import dev.ferrite.engine.txn.SharedSnapshot;
import dev.ferrite.engine.txn.Storage;
import dev.ferrite.engine.type.Values;
import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.ToLongFunction;

/**
 * One user's conversation with a database (one JDBC connection): a current transaction,
 * autocommit, isolation level, read-only flag and savepoints. Not thread-safe, except
 * {@link #cancel()}, which may be called from any thread.
 *
 * <p>In autocommit mode each statement is its own transaction: a query reads one snapshot
 * that its cursor holds until closed; a DML or DDL statement takes the write lock, runs and
 * commits durably before returning. With autocommit off (or after BEGIN) a transaction starts at
 * the first statement and lasts until COMMIT or ROLLBACK; a failed statement is undone alone.
 */
public final class Session implements AutoCloseable {
  private final Database db;
  private final AtomicBoolean cancelled = new AtomicBoolean();
  private volatile boolean cancelArmed;
  private final List<Savepoint> savepoints = new ArrayList<>();
  private EngineTransaction txn;
  private boolean autoCommit = true;
  private boolean block;
  private IsolationLevel isolation = IsolationLevel.SERIALIZABLE;
  private boolean readOnly;
  private boolean closed;
  /** Why the transaction was rolled back on its own (null: it was not); cleared by COMMIT or ROLLBACK. */
  private String doomed;

  private record Savepoint(String name, int undoMark, int dropsMark, Catalog catalog, boolean catalogChanged) {
  }

  Session(Database db) {
    this.db = db;
    this.readOnly = db.readOnly();
  }

  /** Prepares one SQL statement (a trailing semicolon is allowed; several statements are not). */
  public Prepared prepare(String sql) {
    checkOpen();
    return Guard.run(() -> prepareAgainst(sql, txn != null ? txn.catalog() : db.latestCatalog()));
  }

  private Prepared prepareAgainst(String sql, Catalog catalog) {
    int maxKey = db.store().maxKeyLength();
    if (txn != null) {
      return db.plans().prepare(sql, catalog, maxKey, rowCounts(txn.reader()));
    }
    // Row counts for a cache miss come from a snapshot opened only if the planner asks.
    ReadTransaction[] rt = new ReadTransaction[1];
    try {
      return db.plans().prepare(sql, catalog, maxKey, tree -> {
        if (rt[0] == null) {
          rt[0] = Storage.call(db.store()::beginRead);
        }
        return rowCounts(rt[0]).applyAsLong(tree);
      });
    } finally {
      if (rt[0] != null) {
        rt[0].close();
      }
    }
  }

  private static ToLongFunction<String> rowCounts(ReadTransaction rt) {
    return tree -> {
      try {
        return rt.hasTree(tree) ? rt.tree(tree).entries() : 0;
      } catch (StorageException e) {
        return 0;
      }
    };
  }

  /**
   * Runs a prepared statement.
   *
   * @param parameters values for the {@code ?} markers, in order; any Java value the engine can
   *     convert to the parameter's type ({@code Integer}, {@code java.sql.Date}, ...). They are
   *     converted and copied before this returns, so the caller may reuse the array at once.
   * @param maxRows stop a query after this many rows (0: no limit)
   * @param timeoutMillis cancel the statement after this long (0: no timeout)
   */
  public Result execute(Prepared prepared, Object[] parameters, long maxRows, long timeoutMillis) {
    checkOpen();
    if (!cancelArmed) {
      cancelled.set(false);
    }
    cancelArmed = false;
    if (cancelled.get()) {
      throw new EngineException(SqlStates.QUERY_CANCELED, "statement cancelled");
    }
    if (!(prepared instanceof Plan && ((Plan) prepared).kind == StatementKind.TRANSACTION_CONTROL)) {
      checkNotDoomed("25P02");
    }
    Plan plan;
    if (prepared instanceof TemplateCache.Bound) {
      plan = ((TemplateCache.Bound) prepared).plan;
      parameters = ((TemplateCache.Bound) prepared).arguments;
    } else {
      plan = (Plan) prepared;
    }
    Object[] args = parameters;
    long deadline = timeoutMillis > 0 ? System.nanoTime() + timeoutMillis * 1_000_000L : 0;
    return Guard.run(() -> {
      switch (plan.kind) {
        case TRANSACTION_CONTROL:
          transactionControl(plan.transaction);
          return Result.ofCount(0, List.of(), List.of());
        case QUERY:
          return query(plan, args, maxRows, deadline);
        case DML:
          return dml(plan, args, deadline);
        case DDL:
          ddl(plan);
          return Result.ofCount(0, List.of(), List.of());
        default:
          throw new IllegalStateException(plan.kind.toString());
      }
    });
  }

  /** Prepares and runs {@code sql} with no parameters, no row limit and no timeout. */
  public Result execute(String sql) {
    return execute(prepare(sql), new Object[0], 0, 0);
  }

  private boolean autoCommitting() {
    return autoCommit && !block;
  }

  private EngineTransaction begin(boolean explicit, IsolationLevel level) {
    return new EngineTransaction(db.store(), db::catalogOf, level, readOnly, explicit);
  }

  private EngineTransaction current() {
    if (txn == null) {
      txn = begin(true, isolation);
    }
    return txn;
  }

  /**
   * The plan again if the catalog changed since it was prepared. Parameters keep their meaning:
   * a statement prepared from literal text is re-prepared from the same text.
   */
  private Runnable revalidate(Plan plan, Object[] args, Catalog catalog) {
    if (plan.catalogVersion == catalog.version()) {
      return new Runnable(plan, args);
    }
    Prepared again = prepareAgainst(plan.sql, catalog);
    if (again instanceof TemplateCache.Bound) {
      return new Runnable(((TemplateCache.Bound) again).plan, ((TemplateCache.Bound) again).arguments);
    }
    return new Runnable((Plan) again, args);
  }

  /** A plan with the parameter values to run it with. */
  private record Runnable(Plan plan, Object[] args) {
  }

  private Object[] bind(Plan plan, Object[] parameters) {
    int n = plan.parameters.size();
    if (parameters == null || parameters.length < n) {
      throw new EngineException(SqlStates.INVALID_PARAMETER, "statement has " + n + " parameters but "
          + (parameters == null ? 0 : parameters.length) + " were given");
    }
    Object[] bound = new Object[n];
    for (int i = 0; i < n; i++) {
      try {
        bound[i] = Values.coerce(parameters[i], plan.parameters.get(i).type());
      } catch (EngineException e) {
        throw new EngineException(e.sqlState(), "parameter " + (i + 1) + ": " + e.getMessage(), e);
      }
    }
    return bound;
  }

  private Result query(Plan prepared, Object[] parameters, long maxRows, long deadline) {
    boolean own = autoCommitting();
    EngineTransaction t = own ? begin(false, IsolationLevel.SERIALIZABLE) : current();
    try {
      if (!own) {
        t.beforeStatement();
      }
      Runnable run = revalidate(prepared, parameters, t.catalog());
      Plan plan = run.plan;
      if (plan.explainLines != null) {
        if (own) {
          t.rollback();
        }
        return Result.ofRows(new ListCursor(plan.columns, plan.explainLines));
      }
      ExecContext ctx = new ExecContext(t, bind(plan, run.args), cancelled, deadline);
      SharedSnapshot snapshot = own ? null : t.shareSnapshot();
      RowSource rows = plan.root.open(ctx);
      return Result.ofRows(new QueryCursor(plan.columns, rows, maxRows, own ? t : null, snapshot));
    } catch (RuntimeException | Error e) {
      // Errors too (OutOfMemoryError above all): the snapshot must be released either way.
      if (own) {
        t.rollback();
      }
      throw e;
    }
  }

  private Result dml(Plan prepared, Object[] parameters, long deadline) {
    return writeStatement(t -> {
      Runnable run = revalidate(prepared, parameters, t.catalog());
      Plan plan = run.plan;
      TriggerFiring triggers = new TriggerFiring(db.plans(), t, db.store().maxKeyLength(), rowCounts(t.reader()),
          cancelled, deadline);
      ExecContext ctx = new ExecContext(t, bind(plan, run.args), cancelled, deadline, triggers);
      List<Object[]> keys = plan.generatedKeyColumns.isEmpty() ? null : new ArrayList<>();
      long n = plan.modify.run(ctx, keys);
      return Result.ofCount(n, keys == null ? List.of() : keys, plan.generatedKeyColumns);
    });
  }

  private void ddl(Plan plan) {
    writeStatement(t -> {
      SqlPlanner planner = new SqlPlanner(t.catalog(), db.store().maxKeyLength(), rowCounts(t.reader()));
      new DdlExecutor(t, db.store().maxKeyLength(), plan.sql, planner,
          (expr, type) -> evaluateConstant(t, expr, type),
          insert -> runNested(t, insert)).execute(plan.ddl);
      return null;
    });
  }

  /**
   * Runs a statement that writes: in autocommit mode in its own transaction, committed at the
   * end (it reads the newest state under the write lock, so there is no snapshot to conflict
   * with); otherwise in the open transaction, where a failure undoes this statement alone.
   */
  private <T> T writeStatement(java.util.function.Function<EngineTransaction, T> work) {
    boolean own = autoCommitting();
    EngineTransaction t = own ? begin(false, IsolationLevel.READ_COMMITTED) : current();
    int mark = t.undo().mark();
    int drops = t.dropsMark();
    Catalog catalogBefore = t.catalog();
    boolean changedBefore = t.catalogChanged();
    try {
      if (!own) {
        t.beforeStatement();
      }
      t.writer();
      T result = work.apply(t);
      if (own) {
        t.commit();
      }
      return result;
    } catch (RuntimeException | Error e) {
      // Errors too (OutOfMemoryError, StackOverflowError): a half-done statement must never stay
      // in the transaction, and an autocommit write must release the write lock.
      if (own) {
        t.rollback();
      } else {
        undoStatement(t, mark, drops, catalogBefore, changedBefore);
      }
      throw e;
    }
  }

  private void undoStatement(EngineTransaction t, int mark, int drops, Catalog catalog, boolean changed) {
    try {
      t.rollbackTo(mark, drops, catalog, changed);
    } catch (RuntimeException undoFailure) {
      // The statement cannot be undone (the store refused after an I/O error, say): the whole
      // transaction is rolled back, and the application must hear it at its next statement or
      // COMMIT rather than have COMMIT succeed without its earlier work.
      t.rollback();
      txn = null;
      savepoints.clear();
      block = false;
      doomed = undoFailure.getMessage();
    }
  }

  /** Throws if the open transaction was rolled back behind the application's back. */
  private void checkNotDoomed(String state) {
    if (doomed != null) {
      String why = doomed;
      if (state.startsWith("40")) {
        doomed = null;
      }
      throw new EngineException(state, "the transaction was rolled back because a failed statement could not be"
          + " undone (" + why + ")" + (state.startsWith("40") ? "" : "; run ROLLBACK to continue"));
    }
  }

  private Object evaluateConstant(EngineTransaction t, String expression, dev.ferrite.engine.type.ColumnType type) {
    Plan plan = StatementPlanner.plan("VALUES (" + expression + ")", t.catalog(), db.store().maxKeyLength(),
        rowCounts(t.reader()));
    if (plan.root == null) {
      throw new EngineException(SqlStates.SYNTAX_ERROR, "DEFAULT must be a constant expression: " + expression);
    }
    RowSource rows = plan.root.open(new ExecContext(t, new Object[0], cancelled, 0));
    return Values.cast(rows.next()[0], type);
  }

  private long runNested(EngineTransaction t, String sql) {
    Plan plan = StatementPlanner.plan(sql, t.catalog(), db.store().maxKeyLength(), rowCounts(t.reader()));
    return plan.modify.run(new ExecContext(t, new Object[0], cancelled, 0), null);
  }

  private void transactionControl(SqlTransactionControl tc) {
    switch (tc.kind) {
      case BEGIN:
        if (txn != null || block) {
          throw new EngineException("25001", "a transaction is already in progress");
        }
        block = true;
        current();
        return;
      case COMMIT:
        commit();
        return;
      case ROLLBACK:
        rollback();
        return;
      case SAVEPOINT:
        setSavepoint(tc.savepoint.getSimple());
        return;
      case RELEASE_SAVEPOINT:
        releaseSavepoint(tc.savepoint.getSimple());
        return;
      case ROLLBACK_TO_SAVEPOINT:
        rollbackToSavepoint(tc.savepoint.getSimple());
        return;
      case SET_ISOLATION:
        setIsolationLevel(tc.argument.equals("READ COMMITTED") || tc.argument.equals("READ UNCOMMITTED")
            ? IsolationLevel.READ_COMMITTED : IsolationLevel.SERIALIZABLE);
        return;
      case SET_READ_ONLY:
        setReadOnly(tc.argument.equals("ONLY"));
        return;
      default:
        throw new IllegalStateException(tc.kind.toString());
    }
  }

  public boolean autoCommit() {
    return autoCommit;
  }

  /** Switching autocommit on commits the open transaction, as JDBC requires. */
  public void setAutoCommit(boolean on) {
    checkOpen();
    if (on && !autoCommit) {
      commit();
    }
    autoCommit = on;
  }

  /** Whether a transaction is open (it has run at least one statement since the last commit). */
  public boolean inTransaction() {
    return txn != null;
  }

  /** Commits the open transaction durably; does nothing when none is open. */
  public void commit() {
    end(true);
  }

  /** Discards the open transaction; does nothing when none is open. */
  public void rollback() {
    end(false);
  }

  private void end(boolean commit) {
    checkOpen();
    if (commit) {
      checkNotDoomed("40000");
    }
    doomed = null;
    EngineTransaction t = txn;
    txn = null;
    savepoints.clear();
    block = false;
    if (t != null) {
      Guard.run(() -> {
        if (commit) {
          t.commit();
        } else {
          t.rollback();
        }
        return null;
      });
    }
  }

  /** Sets a savepoint in the open transaction (opening one if needed). */
  public void setSavepoint(String name) {
    checkOpen();
    if (autoCommitting()) {
      throw new EngineException(SqlStates.INVALID_TRANSACTION_STATE, "savepoints need a transaction: turn autocommit off or BEGIN first");
    }
    EngineTransaction t = current();
    savepoints.add(new Savepoint(name, t.undo().mark(), t.dropsMark(), t.catalog(), t.catalogChanged()));
  }

  private int findSavepoint(String name) {
    for (int i = savepoints.size() - 1; i >= 0; i--) {
      if (savepoints.get(i).name.equals(name)) {
        return i;
      }
    }
    throw new EngineException(SqlStates.INVALID_SAVEPOINT, "no savepoint named " + name);
  }

  /** Undoes everything after savepoint {@code name}; the savepoint stays. */
  public void rollbackToSavepoint(String name) {
    checkOpen();
    int i = findSavepoint(name);
    Savepoint s = savepoints.get(i);
    Guard.run(() -> {
      txn.rollbackTo(s.undoMark, s.dropsMark, s.catalog, s.catalogChanged);
      return null;
    });
    while (savepoints.size() > i + 1) {
      savepoints.remove(savepoints.size() - 1);
    }
  }

  /** Forgets savepoint {@code name} and any set after it. */
  public void releaseSavepoint(String name) {
    checkOpen();
    int i = findSavepoint(name);
    while (savepoints.size() > i) {
      savepoints.remove(savepoints.size() - 1);
    }
  }

  public IsolationLevel isolationLevel() {
    return isolation;
  }

  /** Changes the isolation level; not allowed inside a transaction (25000). */
  public void setIsolationLevel(IsolationLevel level) {
    checkOpen();
    if (txn != null && level != isolation) {
      throw new EngineException(SqlStates.INVALID_TRANSACTION_STATE, "cannot change the isolation level inside a transaction");
    }
    isolation = level;
  }

  public boolean readOnly() {
    return readOnly;
  }

  /** Makes later transactions read-only; not allowed inside a transaction (25000). */
  public void setReadOnly(boolean value) {
    checkOpen();
    if (txn != null && value != readOnly) {
      throw new EngineException(SqlStates.INVALID_TRANSACTION_STATE, "cannot change read-only mode inside a transaction");
    }
    if (!value && db.readOnly()) {
      throw new EngineException(SqlStates.READ_ONLY_TRANSACTION, "the database was opened read-only");
    }
    readOnly = value;
  }

  /** Stops the statement running in this session, from any thread; it fails with 57014. */
  public void cancel() {
    cancelled.set(true);
  }

  /**
   * Forgets earlier cancel requests now, and keeps the ones that arrive from here on for the
   * next {@link #execute}, which otherwise forgets them itself when it starts. A caller that
   * tells other threads "a statement is running" before calling execute (the JDBC driver) arms
   * first, so a cancel in between is not lost.
   */
  public void armCancel() {
    cancelled.set(false);
    cancelArmed = true;
  }

  /** The catalog this session currently sees (its transaction's, or the latest committed). */
  public Catalog catalog() {
    checkOpen();
    return txn != null ? txn.catalog() : db.latestCatalog();
  }

  /** The database this session belongs to. */
  public Database database() {
    return db;
  }

  public boolean isClosed() {
    return closed || db.isClosed();
  }

  /** Rolls back any open transaction and ends the session. Idempotent. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (txn != null) {
      try {
        txn.rollback();
      } catch (RuntimeException ignored) {
        // Closing must not fail; the store discards an unfinished write transaction anyway.
      }
      txn = null;
    }
  }

  private void checkOpen() {
    if (closed) {
      throw new EngineException("08003", "session is closed");
    }
    db.checkOpen();
  }
}
