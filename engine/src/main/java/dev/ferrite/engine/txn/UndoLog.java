package dev.ferrite.engine.txn;

import dev.ferrite.storage.WriteTransaction;
import java.util.ArrayList;
import java.util.List;

/**
 * What a write transaction changed, newest last, so a failed statement or ROLLBACK TO SAVEPOINT
 * can restore the trees as they were at a mark. Each entry restores one key of one tree to its
 * earlier value (or absence), or drops a tree the transaction created.
 */
public final class UndoLog {
  private final List<String> trees = new ArrayList<>();
  private final List<byte[]> keys = new ArrayList<>();
  private final List<byte[]> oldValues = new ArrayList<>();

  /** The current position, to roll back to later. */
  public int mark() {
    return trees.size();
  }

  /** Records that {@code key} of {@code tree} held {@code oldValue} (null: absent). */
  public void recordPut(String tree, byte[] key, byte[] oldValue) {
    trees.add(tree);
    keys.add(key);
    oldValues.add(oldValue);
  }

  /** Records that the transaction created {@code tree}. */
  public void recordCreatedTree(String tree) {
    trees.add(tree);
    keys.add(null);
    oldValues.add(null);
  }

  /** Undoes every change after {@code mark}, newest first. Returns how many entries it undid. */
  public int rollbackTo(int mark, WriteTransaction txn) {
    int undone = 0;
    for (int i = trees.size() - 1; i >= mark; i--) {
      String tree = trees.remove(i);
      byte[] key = keys.remove(i);
      byte[] old = oldValues.remove(i);
      if (key == null) {
        txn.dropTree(tree);
      } else if (txn.hasTree(tree)) {
        if (old == null) {
          txn.tree(tree).delete(key);
        } else {
          txn.tree(tree).put(key, old);
        }
      }
      undone++;
    }
    return undone;
  }

  /** Forgets everything (after commit or full rollback). */
  public void clear() {
    trees.clear();
    keys.clear();
    oldValues.clear();
  }
}
