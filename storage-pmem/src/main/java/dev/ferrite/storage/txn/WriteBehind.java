package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
import java.nio.ByteBuffer;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Writes a committed transaction's pages to their places in the file while its commit waits for
 * the device. On PAGE regions a small commit's in-place pwrites cost about as much CPU as the
 * rest of the commit, yet nothing needs them before the next reader, writer or sync does: the
 * commit log's record carries the pages' images, and its {@code O_DSYNC} write leaves the thread
 * idle for the device's round trip. Running them on a second thread hides them behind it.
 *
 * <p>Invariants:
 * <ol>
 *   <li>At most one batch is pending: a commit submits its batch under the writer lock, and the
 *       next writer {@link #await awaits} it before it reads a page.
 *   <li>Nobody modifies a batch's buffers after submitting them; the group leader may read them
 *       (to build the log record) while they are written.
 *   <li>Every sync of the region and every publication of a state comes after an {@link #await}:
 *       a checkpoint makes the pages durable in place, and readers read them through the mapping.
 *   <li>A failed write puts the store into its panic state; every later await reports it.
 * </ol>
 *
 * <p>On a region that does not take stores from a second thread (the crash simulator), the
 * batch is written by whoever awaits it, which also tests the order the thread allows: record
 * durable first, pages in place after.
 */
final class WriteBehind implements AutoCloseable {
  private final StoreCore core;
  private final boolean threaded;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition submitted = lock.newCondition();
  private final Condition written = lock.newCondition();
  private Thread thread;
  private LongList pendingNumbers;
  private LongObjectMap<ByteBuffer> pendingPages;
  /** True from submit until the batch is written or failed; read without the lock to skip it. */
  private volatile boolean pending;
  private Throwable failure;
  private boolean closed;

  WriteBehind(StoreCore core, boolean threaded) {
    this.core = core;
    this.threaded = threaded;
  }

  /**
   * Hands over the sealed pages {@code numbers} (sorted; numbers absent from {@code pages} are
   * skipped) to be written in place. The previous batch must have been awaited.
   */
  void submit(LongList numbers, LongObjectMap<ByteBuffer> pages) {
    lock.lock();
    try {
      if (pending) {
        throw new IllegalStateException("a write-behind batch is still pending");
      }
      pendingNumbers = numbers;
      pendingPages = pages;
      pending = true;
      if (threaded) {
        if (thread == null) {
          thread = new Thread(this::run, "ferrite-write-behind");
          thread.setDaemon(true);
          thread.start();
        }
        submitted.signal();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Returns once every submitted page is in place (written, not synced).
   *
   * @throws StorageException PANIC if a write failed
   */
  void await() {
    if (pending) {
      if (threaded) {
        awaitThread();
      } else {
        writeHere();
      }
    }
    if (failure != null) {
      throw failed();
    }
  }

  private void awaitThread() {
    lock.lock();
    try {
      while (pending) {
        written.awaitUninterruptibly();
      }
    } finally {
      lock.unlock();
    }
  }

  /**
   * Writes the pending batch on this thread. Under the lock: the group leader and the next writer
   * may both await it, and only one of them may write it.
   */
  private void writeHere() {
    lock.lock();
    try {
      if (pending) {
        finish(write(pendingNumbers, pendingPages));
      }
    } finally {
      lock.unlock();
    }
  }

  /** Writes a batch in place; returns the failure (the store is then panicked), or null. */
  private Throwable write(LongList numbers, LongObjectMap<ByteBuffer> pages) {
    try {
      core.pager.writeAll(numbers, pages);
      return null;
    } catch (RuntimeException | Error e) {
      core.panic(e);
      return e;
    }
  }

  /** Ends the pending batch, with {@code error} if it failed; called with the lock held. */
  private void finish(Throwable error) {
    if (error != null && failure == null) {
      failure = error;
    }
    pendingNumbers = null;
    pendingPages = null;
    pending = false;
    written.signalAll();
  }

  private StorageException failed() {
    return failure instanceof StorageException s ? s : new StorageException(
        StorageErrorCode.PANIC, "writing committed pages failed: " + failure, failure);
  }

  private void run() {
    while (true) {
      LongList numbers;
      LongObjectMap<ByteBuffer> pages;
      lock.lock();
      try {
        while (!pending && !closed) {
          submitted.awaitUninterruptibly();
        }
        if (!pending) {
          return;
        }
        numbers = pendingNumbers;
        pages = pendingPages;
      } finally {
        lock.unlock();
      }
      Throwable error = write(numbers, pages);
      lock.lock();
      try {
        finish(error);
      } finally {
        lock.unlock();
      }
    }
  }

  /** Stops the thread; the caller has awaited the last batch. */
  @Override
  public void close() {
    lock.lock();
    try {
      closed = true;
      submitted.signal();
    } finally {
      lock.unlock();
    }
  }
}
