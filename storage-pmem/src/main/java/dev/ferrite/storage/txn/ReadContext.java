package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.btree.BTree;
import dev.ferrite.storage.btree.PageAccess;
import dev.ferrite.storage.btree.TreeCursor;
import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.page.PageLayout;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The inside of a read transaction: one pinned {@link Snapshot}, read straight from the mapping.
 * Not thread-safe; one transaction is used by one thread at a time.
 */
public class ReadContext implements PageAccess {
  final StoreCore core;
  final Snapshot snapshot;
  final TreeRoot directory;
  final Map<String, TreeRoot> trees = new HashMap<>();
  private final int readerSlot;
  boolean closed;

  ReadContext(StoreCore core, Snapshot snapshot, int readerSlot) {
    this.core = core;
    this.snapshot = snapshot;
    this.readerSlot = readerSlot;
    this.directory = new TreeRoot(snapshot.directoryRoot, 0);
  }

  /** The snapshot this transaction reads. */
  public Snapshot snapshot() {
    return snapshot;
  }

  @Override
  public int pageSize() {
    return core.pager.pageSize();
  }

  @Override
  public long txnId() {
    return snapshot.txnId;
  }

  @Override
  public long pageLimit() {
    return snapshot.pageCount;
  }

  @Override
  public ByteBuffer read(long pageNumber) {
    checkOpen();
    if (pageNumber < PageLayout.FIRST_DATA_PAGE || pageNumber >= pageLimit()) {
      throw new StorageCorruptionException(pageNumber, "reference to a page outside the database"
          + " (page count " + pageLimit() + ")");
    }
    return core.pager.read(pageNumber);
  }

  @Override
  public boolean isDirty(long pageNumber) {
    return false;
  }

  @Override
  public long touch(long pageNumber) {
    throw readOnly();
  }

  @Override
  public ByteBuffer writable(long pageNumber) {
    throw readOnly();
  }

  @Override
  public long allocate(byte type) {
    throw readOnly();
  }

  @Override
  public void free(long pageNumber) {
    throw readOnly();
  }

  private static StorageException readOnly() {
    return new StorageException(StorageErrorCode.MISUSE, "write in a read-only transaction");
  }

  /** Throws CLOSED if this transaction or its store is closed. */
  public void checkOpen() {
    if (closed) {
      throw new StorageException(StorageErrorCode.CLOSED, "transaction is closed");
    }
    core.checkOpen();
  }

  /** Returns the state of tree {@code name}, or null if it does not exist. */
  public TreeRoot tree(String name) {
    checkOpen();
    TreeRoot tree = trees.get(name);
    if (tree == null && !trees.containsKey(name)) {
      byte[] value = BTree.get(this, directory.root(), TreeDescriptor.nameKey(name));
      tree = value == null ? null : TreeDescriptor.decode(name, value, pageLimit());
      trees.put(name, tree);
    }
    return tree;
  }

  /** Returns the names of all trees, in byte order of their UTF-8 encoding. */
  public List<String> treeNames() {
    checkOpen();
    List<String> names = new ArrayList<>();
    TreeCursor cursor = new TreeCursor(this, directory, true);
    for (boolean more = cursor.first(); more; more = cursor.next()) {
      names.add(new String(cursor.key(), StandardCharsets.UTF_8));
    }
    return names;
  }

  /** Ends the transaction and unpins its snapshot. */
  public void close() {
    if (!closed) {
      closed = true;
      if (readerSlot >= 0) {
        core.readers.release(readerSlot);
      }
    }
  }
}
