package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
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
 * connection may commit on a different thread than it began on.
 */
public final class StoreCore {
  final Region region;
  final Pager pager;
  final ReaderTable readers;
  private final StoreOptions options;
  private final Semaphore writer = new Semaphore(1);
  private volatile Snapshot published;
  private volatile Throwable panicCause;
  private volatile boolean closed;
  private String recoveryNote;

  StoreCore(Region region, Pager pager, Snapshot initial, StoreOptions options) {
    this.region = region;
    this.pager = pager;
    this.options = options;
    this.readers = new ReaderTable(options.maxReaders());
    this.published = initial;
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

  /** The newest committed snapshot. */
  public Snapshot lastCommitted() {
    return published;
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
      Snapshot base = published;
      long reuseLimit = Math.min(readers.oldest(), base.txnId);
      return new WriteContext(this, base, reuseLimit, options.maxDirtyPages());
    } catch (RuntimeException e) {
      writer.release();
      throw e;
    }
  }

  /** Commits {@code txn} durably, publishes it and ends it. */
  public void commit(WriteContext txn) {
    txn.checkOpen();
    try {
      checkNotPanicked();
      CommitProtocol protocol = options.commitProtocol();
      Snapshot next = Committer.commit(this, txn, protocol);
      published = next;
    } finally {
      txn.closed = true;
      writer.release();
    }
  }

  /** Abandons {@code txn}; nothing it did becomes visible. */
  public void abort(WriteContext txn) {
    if (!txn.closed) {
      txn.closed = true;
      writer.release();
    }
  }

  private void checkNotPanicked() {
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

  /** Grows the region so that {@code pages} pages exist. */
  void ensureCapacity(long pages) {
    long needed = pages * pager.pageSize();
    long length = region.length();
    if (needed <= length) {
      return;
    }
    long step = Math.max(options.minGrowthBytes(), Math.min(length / 4, options.maxGrowthBytes()));
    long target = Math.max(needed, length + step);
    long rounded = (target + pager.pageSize() - 1) / pager.pageSize() * pager.pageSize();
    region.grow(rounded);
  }

  /** Closes the store; open transactions become unusable. */
  public void close() {
    if (!closed) {
      closed = true;
      region.close();
    }
  }

  /** Whether {@link #close} was called. */
  public boolean isClosed() {
    return closed;
  }
}
