package dev.ferrite.storage.faults;

import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.PendingCommit;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.crash.ModelState;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.faults.FaultWorkload.Op;
import dev.ferrite.storage.faults.FaultWorkload.Transaction;
import dev.ferrite.storage.region.FileRegion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One run of the workload on a real file with one fault schedule, as a careful caller would run
 * it: a transaction that fails is aborted and retried, a store in its panic state is closed and
 * reopened. Checks, at every failure and after reopening the file without faults:
 * <ul>
 *   <li>every injected failure reaches the caller, as a {@link StorageException}, IO_ERROR or
 *       PANIC, carrying the device error;
 *   <li>a transaction one of whose writes failed cannot commit (the write may be half done);
 *   <li>after PANIC, writes are refused (never retried and pretended) and reads go on;
 *   <li>readers see exactly a committed state, never less than what was acknowledged;
 *   <li>after reopening: the state is that of an acknowledged commit or of one whose commit
 *       failed (never a mixture, never older), verify is clean, and the store takes new commits.
 * </ul>
 */
final class FaultRun {
  /** A backend under test: its durability kind and whether pmem is forced onto a normal file. */
  record Backend(Durability kind, boolean forcedPmem) {
    @Override
    public String toString() {
      return kind.label();
    }
  }

  static final StoreOptions OPTIONS = StoreOptions.defaults()
      .withInitialSizeBytes(64 << 10)
      .withMinGrowthBytes(64 << 10)
      .withMaxDirtyPages(16);

  private final Path file;
  private final Backend backend;
  private final FaultSchedule schedule;
  private final String name;
  private final List<String> violations = new ArrayList<>();
  /** The state after each transaction id that committed or tried to (a retry replaces it). */
  private final Map<Long, ModelState> states = new HashMap<>();
  private final List<PendingCommit> pending = new ArrayList<>();
  private long acknowledged;
  /** Failures the caller saw; a fault that none reports was swallowed. */
  private int reported;

  FaultRun(Path file, Backend backend, FaultSchedule schedule, String name) {
    this.file = file;
    this.backend = backend;
    this.schedule = schedule;
    this.name = name;
    states.put(0L, new ModelState());
  }

  /** Runs the workload, then reopens and checks; returns the violations found. */
  List<String> execute() {
    Store store = open();
    if (store != null) {
      runWorkload(store);
      try {
        store.close();
      } catch (RuntimeException e) {
        expectClear(e, "close");
      }
    }
    if (schedule.injected() > 0 && reported == 0) {
      violation("an injected failure was swallowed: no caller saw an error");
    }
    reopenAndCheck();
    return violations;
  }

  FaultSchedule schedule() {
    return schedule;
  }

  private Store open() {
    FileRegion region = FileRegion.open(file, true, false, OPTIONS.chunkShift(),
        new FaultyWritePath(DurabilitySelector.backend(backend.kind())
            .writePath(backend.forcedPmem()), schedule));
    try {
      return Store.open(new FaultyRegion(region, schedule), OPTIONS);
    } catch (RuntimeException e) {
      region.close();
      expectClear(e, "create");
      return null;
    }
  }

  private void runWorkload(Store store) {
    for (Transaction transaction : FaultWorkload.transactions()) {
      boolean done = false;
      for (int attempt = 0; attempt < 3 && !done; attempt++) {
        try {
          commit(store, transaction);
          done = true;
        } catch (RuntimeException e) {
          expectClear(e, "a transaction");
          if (!survived(store, e)) {
            return;
          }
        }
      }
      if (!done) {
        return;
      }
    }
    awaitPending();
  }

  /** Runs one transaction; a failure propagates after the transaction is aborted. */
  private void commit(Store store, Transaction transaction) {
    try (WriteTransaction txn = store.beginWrite()) {
      ModelState model = states.get(txn.txnId() - 1).copy();
      for (Op op : transaction.ops()) {
        try {
          apply(txn, op, model);
        } catch (RuntimeException e) {
          refuseCommitAfterFailedWrite(txn);
          throw e;
        }
      }
      states.put(txn.txnId(), model);
      if (transaction.deferred()) {
        pending.add(txn.commitDeferred());
      } else {
        txn.commit();
        acknowledged = txn.txnId();
        pending.clear();
      }
    }
  }

  private static void apply(WriteTransaction txn, Op op, ModelState model) {
    Tree tree = txn.openOrCreateTree(op.tree());
    model.trees.computeIfAbsent(op.tree(), name -> ModelState.newTree());
    byte[] key = FaultWorkload.key(op.key());
    if (op.delete()) {
      tree.delete(key);
      model.trees.get(op.tree()).remove(key);
    } else {
      byte[] value = FaultWorkload.value(op);
      tree.put(key, value);
      model.trees.get(op.tree()).put(key, value);
    }
  }

  private void refuseCommitAfterFailedWrite(WriteTransaction txn) {
    try {
      txn.commit();
      violation("a transaction committed after one of its writes had failed");
    } catch (StorageException expected) {
      // Nothing of a half-done write may become durable.
    }
  }

  private void awaitPending() {
    for (PendingCommit commit : pending) {
      try {
        commit.awaitDurable();
        acknowledged = Math.max(acknowledged, commit.txnId());
      } catch (RuntimeException e) {
        expectClear(e, "await");
        return;
      }
    }
  }

  /**
   * After a failure: checks what readers see and, in the panic state, that writes are refused.
   * Returns whether the store may go on taking writes.
   */
  private boolean survived(Store store, RuntimeException failure) {
    checkReaders(store);
    if (store.panicCause() == null) {
      if (failure instanceof StorageException e && e.code() == StorageErrorCode.PANIC) {
        violation("PANIC reported, but the store still accepts writes: " + e.getMessage());
      }
      return true;
    }
    try (WriteTransaction txn = store.beginWrite()) {
      violation("a write transaction began after the store panicked");
    } catch (StorageException e) {
      if (e.code() != StorageErrorCode.PANIC) {
        violation("after a panic, beginWrite failed with " + e.code() + " instead of PANIC");
      }
    }
    return false;
  }

  private void checkReaders(Store store) {
    try {
      compare(store, "readers after the failure");
    } catch (RuntimeException e) {
      violation("reading after the failure threw " + e);
    }
  }

  private void compare(Store store, String who) {
    long id = store.lastCommittedTxnId();
    if (id < acknowledged || !states.containsKey(id)) {
      violation(who + " see transaction " + id + ", but " + acknowledged + " was acknowledged");
      return;
    }
    String difference = ModelState.read(store).differenceFrom(states.get(id));
    if (difference != null) {
      violation(who + " see a state that transaction " + id + " never had: " + difference);
    }
  }

  private void reopenAndCheck() {
    try (Store store = Store.open(file, OPTIONS.withDurability(Durability.PAGE))) {
      compare(store, "after reopening, readers");
      checkHealthy(store, "after reopening");
      try (WriteTransaction txn = store.beginWrite()) {
        txn.openOrCreateTree("after").put(FaultWorkload.key(1), new byte[5000]);
        txn.commit();
      }
      checkHealthy(store, "after a commit on the reopened file");
    } catch (RuntimeException e) {
      violation("reopening without faults failed: " + e);
    }
  }

  private void checkHealthy(Store store, String when) {
    IntegrityReport report = store.verify();
    if (!report.healthy()) {
      violation(when + ", verify found " + report.problems());
    }
  }

  /** The failure must be a StorageException for a device error, naming the error. */
  private void expectClear(RuntimeException e, String during) {
    reported++;
    if (!(e instanceof StorageException storage)) {
      violation("during " + during + ", " + e + " escaped instead of a StorageException");
      return;
    }
    if (storage.code() != StorageErrorCode.IO_ERROR && storage.code() != StorageErrorCode.PANIC) {
      violation("during " + during + ", " + storage.code() + " instead of IO_ERROR or PANIC: "
          + e.getMessage());
    } else if (!namesTheDeviceError(e)) {
      violation("during " + during + ", the error does not say what failed: " + e.getMessage());
    }
  }

  private static boolean namesTheDeviceError(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      for (Errno errno : Errno.values()) {
        if (String.valueOf(t.getMessage()).contains(errno.message())) {
          return true;
        }
      }
    }
    return false;
  }

  private void violation(String what) {
    violations.add(name + ": " + what);
  }
}
