package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.region.Region;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Shared state of an open store: the region, the published snapshot, the reader table and the
 * writer lock.
 *
 * <p>States: OPEN &rarr; (commit or sync failure) PANIC &rarr; CLOSED, or OPEN &rarr; CLOSED.
 * In PANIC, reads of the last published snapshot still work and every write transaction is
 * refused with the original cause (SQLite's pager ERROR state, LMDB's MDB_PANIC): after a failed
 * sync the kernel may have dropped the dirty pages, so retrying could report success for data
 * that is gone.
 *
 * <p>Concurrency: any number of threads begin read transactions (lock-free); one write
 * transaction at a time holds {@link #writer}, a semaphore rather than a lock so that a JDBC
 * connection may commit on a different thread than it began on. Two states matter: {@link #head},
 * the newest committed state, which the next writer builds on, and {@link #published}, the newest
 * durable one, which readers see. They differ only while a group commit is waiting for its sync.
 */
public final class StoreCore {
  final Region region;
  final Pager pager;
  final ReaderTable readers;
  /** The commit log, or null for files without one (format 1). */
  final CommitLog log;
  private final StoreOptions options;
  private final Semaphore writer = new Semaphore(1);
  private volatile Snapshot published;
  /** Newest committed state; guarded by {@link #writer}. */
  private Snapshot head;
  private final GroupCommit group;
  private volatile Throwable panicCause;
  private volatile boolean closed;
  private String recoveryNote;

  StoreCore(Region region, Pager pager, Snapshot initial, StoreOptions options, CommitLog log) {
    this.region = region;
    this.pager = pager;
    this.log = log;
    this.options = options;
    this.readers = new ReaderTable(options.maxReaders());
    this.published = initial;
    this.head = initial;
    this.group = new GroupCommit(this, options.commitProtocol());
  }

  /** Opens a store over {@code region}, creating the database if the region is empty. */
  public static StoreCore open(Region region, StoreOptions options) {
    return StoreOpener.open(region, options);
  }

  /** The page size of the database. */
  public int pageSize() {
    return pager.pageSize();
  }

  /** The region the store lives in. */
  public Region region() {
    return region;
  }

  /** The newest durable snapshot (what new readers see). */
  public Snapshot lastCommitted() {
    return published;
  }

  /** Publishes a durable state to readers. */
  void publish(Snapshot durable) {
    if (durable.txnId > published.txnId) {
      published = durable;
    }
  }

  /**
   * Records that opening discarded the newest meta record, and logs it: losing a commit is never
   * silent, even when it is the correct outcome of a crash.
   */
  void recoveryNote(String note) {
    recoveryNote = note;
    System.getLogger("dev.ferrite.storage").log(System.Logger.Level.WARNING, note);
  }

  /** What opening had to discard, or null if the newest commit was intact. */
  public String recoveryNote() {
    return recoveryNote;
  }

  /** The text in the file header's record slots (the durability decision), or null. */
  public String headerRecord() {
    return HeaderRecord.read(region);
  }

  /**
   * Replaces the header record durably. Takes the writer lock, so no commit runs meanwhile.
   *
   * @throws StorageException BUSY if a write transaction does not end within the busy timeout
   */
  public void writeHeaderRecord(String text) {
    WriteContext txn = beginWrite();
    try {
      HeaderRecord.write(region, pager, text);
    } catch (RuntimeException e) {
      panic(e);
      throw e;
    } finally {
      abort(txn);
    }
  }

  /** The failure that put the store into its panic state, or null. */
  public Throwable panicCause() {
    return panicCause;
  }

  void checkOpen() {
    if (closed) {
      throw new StorageException(StorageErrorCode.CLOSED, "store is closed");
    }
  }

  /** Begins a read transaction on the newest committed snapshot. */
  public ReadContext beginRead() {
    checkOpen();
    int slot = readers.acquire();
    Snapshot snapshot;
    while (true) {
      snapshot = published;
      readers.pin(slot, snapshot.txnId);
      if (published == snapshot) {
        break;
      }
    }
    return new ReadContext(this, snapshot, slot);
  }

  /**
   * Begins the write transaction, waiting up to the busy timeout for the current one to end.
   *
   * @throws StorageException BUSY on timeout, PANIC after a failed commit, INTERRUPTED
   */
  public WriteContext beginWrite() {
    checkOpen();
    checkNotPanicked();
    try {
      if (!writer.tryAcquire(options.busyTimeoutMillis(), TimeUnit.MILLISECONDS)) {
        throw new StorageException(StorageErrorCode.BUSY, "database is busy: another write"
            + " transaction did not finish within " + options.busyTimeoutMillis() + " ms");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new StorageException(StorageErrorCode.INTERRUPTED,
          "interrupted while waiting for the write lock", e);
    }
    try {
      checkOpen();
      checkNotPanicked();
      // Pages freed by commits that are not yet durable stay untouched: the durable state may
      // still need them after a crash.
      long reuseLimit = Math.min(readers.oldest(), published.txnId);
      return new WriteContext(this, head, reuseLimit, options.maxDirtyPages());
    } catch (RuntimeException e) {
      writer.release();
      throw e;
    }
  }

  /** Commits {@code txn} durably, publishes it and ends it. */
  public void commit(WriteContext txn) {
    awaitDurable(commitDeferred(txn));
  }

  /**
   * Ends {@code txn} as committed and releases the writer, without waiting for durability; returns
   * its id for {@link #awaitDurable}. Until then, the next writer builds on it but readers do not
   * see it, and a crash may lose it (never partially).
   */
  public long commitDeferred(WriteContext txn) {
    txn.checkOpen();
    try {
      checkNotPanicked();
      if (options.readOnly()) {
        // Refused here, before a checkpoint meets the read-only file and panics.
        throw new StorageException(StorageErrorCode.MISUSE, "the store is open read-only");
      }
      Committer.Prepared prepared = Committer.prepare(this, txn);
      if (Committer.groups(region)) {
        group.add(prepared);
        head = prepared.state();
      } else {
        try {
          head = Committer.makeDurableNow(this, prepared.state(), published);
        } catch (RuntimeException | Error e) {
          panic(e);
          throw e;
        }
        publish(head);
      }
      return prepared.state().txnId;
    } finally {
      txn.closed = true;
      writer.release();
    }
  }

  /** Waits until commit {@code txnId} is durable (leading the group's sync if needed). */
  public void awaitDurable(long txnId) {
    if (published.txnId < txnId) {
      group.awaitDurable(txnId);
    }
  }

  /** Syncs issued and commits made since open, as {@code {syncs, commits}}. */
  public long[] groupCommitCounts() {
    return group.counts();
  }

  /** Abandons {@code txn}; nothing it did becomes visible. */
  public void abort(WriteContext txn) {
    if (!txn.closed) {
      txn.closed = true;
      writer.release();
    }
  }

  void checkNotPanicked() {
    Throwable cause = panicCause;
    if (cause != null) {
      throw new StorageException(StorageErrorCode.PANIC, "the database refuses writes after an"
          + " earlier durability failure; reopen it to recover: " + cause.getMessage(), cause);
    }
  }

  void panic(Throwable cause) {
    if (panicCause == null) {
      panicCause = cause;
    }
  }

  /**
   * Enters the panic state if the region reported a durability failure (PANIC) outside the commit
   * path, such as a failed sync of new file space: an error that says "reopen to recover" must
   * make the store refuse writes, not just say so.
   */
  void panicOn(StorageException e) {
    if (e.code() == StorageErrorCode.PANIC) {
      panic(e);
    }
  }

  /** Grows the region so that {@code pages} pages exist. */
  void ensureCapacity(long pages) {
    long needed = pages * pager.pageSize();
    long length = region.length();
    if (needed <= length) {
      return;
    }
    // Doubling keeps the number of growth steps (each zero-fills and syncs) logarithmic.
    long step = Math.max(options.minGrowthBytes(), Math.min(length, options.maxGrowthBytes()));
    long target = Math.max(needed, length + step);
    long rounded = (target + pager.pageSize() - 1) / pager.pageSize() * pager.pageSize();
    try {
      region.grow(rounded);
    } catch (StorageException e) {
      panicOn(e);
      throw e;
    }
  }

  /** Closes the store, first making deferred commits durable; open transactions become unusable. */
  public void close() {
    if (!closed) {
      try {
        if (panicCause == null) {
          Snapshot newest = head;
          awaitDurable(newest.txnId);
          if (log != null && log.holdsCommits() && !options.readOnly()) {
            Committer.checkpoint(region, pager, log, published);
          }
        }
      } finally {
        closed = true;
        region.close();
      }
    }
  }
}
