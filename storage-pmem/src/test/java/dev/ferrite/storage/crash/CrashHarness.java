package dev.ferrite.storage.crash;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.IntegrityReport;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.region.Granularity;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeMap;

/**
 * Runs a workload against a {@link SimulatedRegion}, crashes it at every persistence point and at
 * random stores, and checks each crash image by reopening it with the real code: the recovered
 * state must be exactly the state after some prefix of the commits, at least every acknowledged
 * one, with checksums, tree invariants and free-space accounting intact.
 */
final class CrashHarness {
  /** A deterministic sequence of transactions, driven through {@link CrashHarness}'s methods. */
  interface Workload {
    String name();

    void run(CrashHarness harness, Random random);
  }

  /**
   * What to crash: a granularity and commit protocol, optionally through a real backend's write
   * path ({@code backend} null: the simulator is the region). {@code processCrashOnly} models a
   * killed process instead of a power failure: the page cache survives, so only the newest values
   * are a possible crash image (the guarantee of the {@code none} backend).
   */
  record Setup(Granularity granularity, CommitProtocol protocol, Durability backend,
      boolean processCrashOnly) {
    @Override
    public String toString() {
      return (backend == null ? granularity + "/" + protocol : "backend " + backend.label())
          + (processCrashOnly ? " (process crash)" : "");
    }
  }

  private static final int LOG_PAGES = 24;

  final Setup setup;
  final Granularity granularity;
  final StoreOptions options;
  private final List<ModelState> committed = new ArrayList<>();
  private final List<String> violations = new ArrayList<>();
  private ModelState current = new ModelState();
  /** Commits known durable: every id up to this one must survive any crash. */
  private long acknowledged;
  private boolean checking;
  private int randomImages;
  private long crashPoints;
  private long crashStates;
  private Random imageRandom;
  private Store store;
  private WriteTransaction txn;
  private SimulatedRegion region;

  CrashHarness(Setup setup) {
    this.setup = setup;
    this.granularity = setup.granularity();
    this.options = StoreOptions.defaults()
        .withInitialSizeBytes(64 << 10)
        .withMinGrowthBytes(64 << 10)
        .withMaxDirtyPages(24)
        .withCommitProtocol(setup.protocol())
        // A small ring wraps every few commits, so checkpoints are crashed often too.
        .withLogBytes(setup.protocol() == CommitProtocol.LOGGED ? LOG_PAGES * 4096 : 0);
  }

  /** Runs {@code workload} once to count its crash points, then again crashing at each. */
  static CrashHarness campaign(Setup setup, Workload workload, long seed, long stateBudget) {
    CrashHarness dry = new CrashHarness(setup);
    dry.execute(workload, seed, false, 0);
    long points = Math.max(1, dry.crashPoints);
    int perPoint = (int) Math.max(1, (stateBudget + points - 1) / points - 2);
    CrashHarness real = new CrashHarness(setup);
    real.execute(workload, seed, true, perPoint);
    return real;
  }

  private void execute(Workload workload, long seed, boolean check, int randomImagesPerPoint) {
    this.checking = check;
    this.randomImages = randomImagesPerPoint;
    this.imageRandom = new Random(seed * 31 + 7);
    committed.add(new ModelState());
    region = new SimulatedRegion(granularity);
    region.onCrashPoints((r, point) -> crashAt(point), new Random(seed + 1), 0.05);
    Region storeRegion = setup.backend() == null ? region : new BackendRegion(region,
        DurabilitySelector.backend(setup.backend()).writePath(false));
    store = Store.open(storeRegion, options);
    workload.run(this, new Random(seed));
    if (txn != null) {
      abort();
    }
    store.close();
    acknowledged = committed.size() - 1;
    if (!setup.processCrashOnly() && region.pendingUnits() != 0) {
      violations.add("close returned with " + region.pendingUnits() + " units not yet durable");
    }
  }

  // ---- workload operations ----------------------------------------------------------------

  void begin() {
    txn = store.beginWrite();
  }

  Tree tree(String name) {
    if (!current.trees.containsKey(name)) {
      current.trees.put(name, ModelState.newTree());
      return txn.createTree(name);
    }
    return txn.tree(name);
  }

  void put(String tree, byte[] key, byte[] value) {
    tree(tree).put(key, value);
    current.trees.get(tree).put(key, value);
  }

  void append(String tree, byte[] key, byte[] value) {
    tree(tree).append(key, value);
    current.trees.get(tree).put(key, value);
  }

  void delete(String tree, byte[] key) {
    tree(tree).delete(key);
    current.trees.get(tree).remove(key);
  }

  void drop(String tree) {
    txn.dropTree(tree);
    current.trees.remove(tree);
  }

  ModelState current() {
    return current;
  }

  void commit() {
    committed.add(current.copy());
    txn.commit();
    txn = null;
    acknowledged = committed.size() - 1;
    // A logged commit leaves its pages in place unsynced: its log record is what is durable.
    if (!setup.processCrashOnly() && setup.protocol() != CommitProtocol.LOGGED
        && region.pendingUnits() != 0) {
      violations.add("commit " + acknowledged + " returned with " + region.pendingUnits()
          + " units not yet durable");
    }
  }

  /** Commits without waiting: the next commits join its group until someone awaits. */
  dev.ferrite.storage.PendingCommit commitDeferred() {
    committed.add(current.copy());
    dev.ferrite.storage.PendingCommit pending = txn.commitDeferred();
    txn = null;
    return pending;
  }

  void awaitDurable(dev.ferrite.storage.PendingCommit pending) {
    pending.awaitDurable();
    acknowledged = Math.max(acknowledged, pending.txnId());
  }

  void abort() {
    txn.abort();
    txn = null;
    current = committed.get(committed.size() - 1).copy();
  }

  /** Opens a read transaction that pins the current snapshot (so its pages cannot be reused). */
  dev.ferrite.storage.ReadTransaction pinSnapshot() {
    return store.beginRead();
  }

  // ---- crash checking ---------------------------------------------------------------------

  private void crashAt(String point) {
    crashPoints++;
    if (!checking) {
      return;
    }
    checkImage(region.maximalImage(), point + "/maximal");
    if (setup.processCrashOnly()) {
      return;
    }
    checkImage(region.minimalImage(), point + "/minimal");
    for (int i = 0; i < randomImages; i++) {
      checkImage(region.randomImage(imageRandom), point + "/random");
    }
  }

  private void checkImage(byte[] image, String where) {
    crashStates++;
    SimulatedRegion crashed = new SimulatedRegion(granularity, image);
    try (Store recovered = Store.open(crashed, options)) {
      long txnId = recovered.lastCommittedTxnId();
      long newest = committed.size() - 1;
      if (txnId < acknowledged || txnId > newest) {
        violation(where, "recovered transaction " + txnId + " but " + acknowledged
            + " were acknowledged and " + newest + " committed");
        return;
      }
      String difference = ModelState.read(recovered).differenceFrom(committed.get((int) txnId));
      if (difference != null) {
        violation(where, "state of transaction " + txnId + " differs: " + difference);
        return;
      }
      IntegrityReport report = recovered.verify();
      if (!report.healthy()) {
        violation(where, "integrity: " + report.problems());
        return;
      }
      if (!setup.processCrashOnly() && crashStates % SECOND_CRASH_EVERY == 0) {
        crashAgain(recovered, crashed, committed.get((int) txnId), where);
      }
    } catch (RuntimeException e) {
      violation(where, "reopen failed: " + e);
    }
  }

  /** Every this many crash states, the recovered store is committed on and crashed again. */
  private static final int SECOND_CRASH_EVERY = 3;

  /**
   * A recovered store must stay recoverable: commits on it, crashes it with every store it made
   * persisted (its in-place rewrites of reused pages included) and reopens. The state it
   * recovered plus the commits made since must all be there: a replayed record may depend on
   * pages the crashed process kept from reuse, which the new process does not know of.
   */
  private void crashAgain(Store recovered, SimulatedRegion crashed, ModelState base,
      String where) {
    ModelState expected = base.copy();
    TreeMap<byte[], byte[]> tree = expected.trees.computeIfAbsent(SECOND_LIFE,
        name -> ModelState.newTree());
    for (int i = 0; i < 3; i++) {
      try (WriteTransaction second = recovered.beginWrite()) {
        Tree t = second.openOrCreateTree(SECOND_LIFE);
        for (int k = 0; k < 20; k++) {
          byte[] key = {(byte) i, (byte) k};
          byte[] value = new byte[40 + 13 * k];
          value[0] = (byte) (i + k);
          t.put(key, value);
          tree.put(key, value);
        }
        second.commit();
      }
    }
    try (Store again = Store.open(new SimulatedRegion(granularity, crashed.maximalImage()),
        options)) {
      String difference = ModelState.read(again).differenceFrom(expected);
      if (difference != null) {
        violation(where + "/second crash", "after 3 commits on the recovered store: "
            + difference);
      }
    }
  }

  private static final String SECOND_LIFE = "after-crash";

  private void violation(String where, String what) {
    if (violations.size() < 20) {
      violations.add("at " + where + " after " + acknowledged + " acknowledged commits: " + what);
    } else {
      violations.add("(more)");
    }
  }

  long crashStates() {
    return crashStates;
  }

  long crashPoints() {
    return crashPoints;
  }

  List<String> violations() {
    return violations;
  }

  long redundantFlushes() {
    return region.redundantFlushes();
  }
}
