package dev.ferrite.storage.crash;

import dev.ferrite.storage.Cursor;
import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.Store;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/**
 * The expected contents of a store: tree name to an ordered map of keys to values. Public for the
 * fault-injection campaign ({@code dev.ferrite.storage.faults}), which checks the same way.
 */
public final class ModelState {
  public final TreeMap<String, TreeMap<byte[], byte[]>> trees = new TreeMap<>();

  /** An empty tree ordered as the store orders keys (unsigned bytes). */
  public static TreeMap<byte[], byte[]> newTree() {
    return new TreeMap<>(Arrays::compareUnsigned);
  }

  /** A deep copy. */
  public ModelState copy() {
    ModelState copy = new ModelState();
    trees.forEach((name, tree) -> {
      TreeMap<byte[], byte[]> t = newTree();
      t.putAll(tree);
      copy.trees.put(name, t);
    });
    return copy;
  }

  /** Reads everything a store holds. */
  public static ModelState read(Store store) {
    ModelState state = new ModelState();
    try (ReadTransaction txn = store.beginRead()) {
      for (String name : txn.treeNames()) {
        TreeMap<byte[], byte[]> tree = newTree();
        Cursor cursor = txn.tree(name).cursor();
        for (boolean more = cursor.first(); more; more = cursor.next()) {
          tree.put(cursor.key(), cursor.value());
        }
        state.trees.put(name, tree);
      }
    }
    return state;
  }

  /** Returns null if equal, else a description of the first difference. */
  public String differenceFrom(ModelState other) {
    if (!trees.keySet().equals(other.trees.keySet())) {
      return "tree names " + trees.keySet() + " vs " + other.trees.keySet();
    }
    for (Map.Entry<String, TreeMap<byte[], byte[]>> entry : trees.entrySet()) {
      TreeMap<byte[], byte[]> a = entry.getValue();
      TreeMap<byte[], byte[]> b = other.trees.get(entry.getKey());
      if (a.size() != b.size()) {
        return "tree " + entry.getKey() + ": " + a.size() + " vs " + b.size() + " entries";
      }
      for (Map.Entry<byte[], byte[]> kv : a.entrySet()) {
        byte[] value = b.get(kv.getKey());
        if (value == null || !Arrays.equals(value, kv.getValue())) {
          return "tree " + entry.getKey() + ": key " + Arrays.toString(kv.getKey()) + " differs";
        }
      }
    }
    return null;
  }
}
