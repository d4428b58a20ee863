package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Group commit on PAGE regions: a commit writes its pages under the writer lock, releases it, and
 * waits here until a sync covers it. The first waiter that finds no sync running becomes the
 * leader: it takes every commit prepared so far, writes one meta record for the newest and issues
 * one {@code fdatasync}, then wakes everyone it covered. Commits prepared meanwhile form the next
 * group. With several committing threads this costs fewer than one sync per commit, and every
 * commit is still durable before {@code commit()} returns.
 *
 * <p>State, guarded by {@link #lock}: the pending group (newest prepared state and the pages its
 * commits wrote that are still live in it) and whether a leader is syncing.
 */
final class GroupCommit {
  private final StoreCore core;
  private final CommitProtocol protocol;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition durableChanged = lock.newCondition();
  /** The pending group's live pages, each with the committed page it copied (0: none). */
  private LongObjectMap<Long> livePages = new LongObjectMap<>();
  private Snapshot newestPending;
  private boolean syncing;
  private long syncs;
  private long commits;

  GroupCommit(StoreCore core, CommitProtocol protocol) {
    this.core = core;
    this.protocol = protocol;
  }

  /** Adds a prepared commit to the pending group. Called under the writer lock, in txn order. */
  void add(Committer.Prepared prepared) {
    lock.lock();
    try {
      LongList freed = prepared.freed();
      for (int i = 0; i < freed.size(); i++) {
        livePages.remove(freed.get(i));
      }
      LongList written = prepared.written();
      LongObjectMap<Long> sources = prepared.sources();
      for (int i = 0; i < written.size(); i++) {
        Long source = sources.get(written.get(i));
        livePages.put(written.get(i), source == null ? 0L : source);
      }
      newestPending = prepared.state();
      commits++;
    } finally {
      lock.unlock();
    }
  }

  /** Waits, leading a sync if none is running, until commit {@code txnId} is durable. */
  void awaitDurable(long txnId) {
    lock.lock();
    try {
      while (core.lastCommitted().txnId < txnId) {
        core.checkNotPanicked();
        if (syncing) {
          durableChanged.awaitUninterruptibly();
        } else if (newestPending == null) {
          throw new IllegalStateException("commit " + txnId + " is neither durable nor pending");
        } else {
          lead();
        }
      }
    } finally {
      lock.unlock();
    }
  }

  /** Syncs the pending group; called and returns with {@link #lock} held. */
  private void lead() {
    Snapshot state = newestPending;
    LongList pages = new LongList();
    LongObjectMap<Long> sources = livePages;
    livePages.addKeysTo(pages);
    // A fresh map, not clear(): after a bulk load the map has grown to its size, and clearing
    // every slot of it would cost each later small commit a megabyte of writes.
    livePages = new LongObjectMap<>();
    newestPending = null;
    syncing = true;
    syncs++;
    lock.unlock();
    RuntimeException failure = null;
    try {
      core.publish(Committer.makeGroupDurable(core, state, pages, sources,
          core.lastCommitted(), protocol));
    } catch (RuntimeException e) {
      core.panic(e);
      failure = e;
    } finally {
      lock.lock();
      syncing = false;
      durableChanged.signalAll();
    }
    if (failure != null) {
      throw failure instanceof StorageException ? failure
          : new StorageException(StorageErrorCode.PANIC, "commit failed: " + failure, failure);
    }
  }

  /** Syncs issued and commits added so far: {@code syncs / commits} is the sync cost per commit. */
  long[] counts() {
    lock.lock();
    try {
      return new long[] {syncs, commits};
    } finally {
      lock.unlock();
    }
  }
}
