package dev.ferrite.tools.bench;

import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.Tree;
import dev.ferrite.storage.WriteTransaction;
import dev.ferrite.storage.durability.Durability;
import dev.ferrite.storage.durability.DurabilitySelector;
import dev.ferrite.storage.region.FileRegion;
import java.nio.file.Path;

/**
 * A Ferrite store in a fresh directory of its own, with the benchmark tree {@value #TREE}; closing
 * it closes the store and deletes the directory.
 */
public final class FerriteFixture implements AutoCloseable {
  /** Name of the tree every benchmark uses. */
  public static final String TREE = "bench";

  private final Path dir;
  private final Store store;
  private final CountingRegion counters;

  private FerriteFixture(Path dir, Store store, CountingRegion counters) {
    this.dir = dir;
    this.store = store;
    this.counters = counters;
  }

  /** Opens a new empty store with {@code options} through {@code Store.open(Path, ...)}. */
  public static FerriteFixture create(StoreOptions options) {
    Path dir = BenchDirs.create("ferrite");
    try {
      return new FerriteFixture(dir, Store.open(dir.resolve("ferrite.db"), options), null);
    } catch (RuntimeException e) {
      BenchDirs.delete(dir);
      throw e;
    }
  }

  /**
   * Opens a new empty store over the same file backend {@code Store.open(Path, ...)} uses, wrapped
   * in a {@link CountingRegion} so that syncs and page writes can be counted.
   */
  public static FerriteFixture createCounting(StoreOptions options) {
    Path dir = BenchDirs.create("ferrite");
    try {
      FileRegion file = FileRegion.open(dir.resolve("ferrite.db"), options.create(),
          options.readOnly(), options.chunkShift(),
          DurabilitySelector.backend(Durability.PAGE).writePath(false));
      CountingRegion counting = new CountingRegion(file);
      try {
        return new FerriteFixture(dir, Store.open(counting, options), counting);
      } catch (RuntimeException e) {
        counting.close();
        throw e;
      }
    } catch (RuntimeException e) {
      BenchDirs.delete(dir);
      throw e;
    }
  }

  /** The open store. */
  public Store store() {
    return store;
  }

  /** The counters, or null if the store was not opened with {@link #createCounting}. */
  public CountingRegion counters() {
    return counters;
  }

  /** Loads entries {@code 0 .. n-1} in key order with {@link Tree#append}, in one transaction. */
  public void loadSorted(int n) {
    byte[] key = BenchData.newKey();
    byte[] value = BenchData.newValue();
    try (WriteTransaction txn = store.beginWrite()) {
      Tree tree = txn.openOrCreateTree(TREE);
      for (int i = 0; i < n; i++) {
        BenchData.key(i, key);
        BenchData.value(i, value);
        tree.append(key, value);
      }
      txn.commit();
    }
  }

  /** Creates the (empty) benchmark tree. */
  public void createTree() {
    try (WriteTransaction txn = store.beginWrite()) {
      txn.openOrCreateTree(TREE);
      txn.commit();
    }
  }

  /** Closes the store and deletes its directory. */
  @Override
  public void close() {
    try {
      store.close();
    } finally {
      BenchDirs.delete(dir);
    }
  }
}
