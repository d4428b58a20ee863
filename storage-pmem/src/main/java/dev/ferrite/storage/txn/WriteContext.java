package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.alloc.PageAllocator;
import dev.ferrite.storage.btree.BTree;
import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The inside of the write transaction: copy-on-write over the committed snapshot.
 *
 * <p>Modified pages live in heap buffers (the dirty table) until commit writes them; the mapping
 * is never written, so readers of the committed state cannot observe a partial change. When the
 * dirty table exceeds its limit, dirty pages are spilled: written to their (unpublished) places in
 * the file early and re-read if modified again, so a bulk load needs bounded heap. Pages a sorted
 * load has filled (the left half of an append split) are spilled in batches as they finish, so a
 * sorted load keeps almost nothing in heap.
 *
 * <p>Invariants: a page number is in at most one of {dirty, spilled}; both hold only pages this
 * transaction allocated; every page this transaction stopped using was passed to the allocator
 * exactly once; a buffer waiting for reuse ({@code recycled}) belongs to no page of either table.
 */
public final class WriteContext extends ReadContext {
  private static final int MAX_RECYCLED = 1024;
  final long txnId;
  final PageAllocator allocator;
  final TreeRoot freeList;
  final LongObjectMap<ByteBuffer> dirty = new LongObjectMap<>();
  final LongObjectMap<Boolean> spilled = new LongObjectMap<>();
  /**
   * For each page this transaction made by copying a committed page: the page it copied. The
   * commit log records such a page as the bytes that differ from its source.
   */
  final LongObjectMap<Long> sources = new LongObjectMap<>();
  /** Dirty pages an append split finished, to be written early in batches. */
  private final LongList finished = new LongList();
  private final Map<String, TreeRoot> committedTrees = new HashMap<>();
  private final int maxDirtyPages;
  /** Buffers of spilled pages, reused for new dirty pages (see {@link #pageBuffer}). */
  private final ByteBuffer[] recycled = new ByteBuffer[MAX_RECYCLED];
  private int recycledCount;
  /** Why a change stopped part-way, leaving pages half updated; null while healthy. */
  private Throwable failure;

  WriteContext(StoreCore core, Snapshot base, long reuseLimit, int maxDirtyPages) {
    super(core, base, -1);
    this.txnId = base.txnId + 1;
    this.maxDirtyPages = maxDirtyPages;
    this.freeList = new TreeRoot(base.freeListRoot, 0);
    this.allocator = new PageAllocator(this, freeList, base.pageCount, reuseLimit,
        core::ensureCapacity);
  }

  @Override
  public long txnId() {
    return txnId;
  }

  /**
   * Records that a change to this transaction failed (the caller rethrows {@code e}). A
   * change can fail part-way (the file cannot grow in the middle of a split, a damaged page is met
   * while rebalancing), leaving entry counts and page links half updated; from then on the
   * transaction may only be aborted. MISUSE and CLOSED are raised before anything changes.
   */
  public void failed(Throwable e) {
    boolean beforeAnyChange = e instanceof StorageException s
        && (s.code() == StorageErrorCode.MISUSE || s.code() == StorageErrorCode.CLOSED);
    if (failure == null && !beforeAnyChange) {
      failure = e;
    }
  }

  /** Also refuses every use after a change failed part-way (see {@link #failed}). */
  @Override
  public void checkOpen() {
    super.checkOpen();
    if (failure != null) {
      StorageErrorCode code = failure instanceof StorageException s ? s.code()
          : StorageErrorCode.MISUSE;
      throw new StorageException(code, "a write of this transaction failed part-way ("
          + failure.getMessage() + "); it can only be aborted", failure);
    }
  }

  @Override
  public long pageLimit() {
    return allocator.pageCount();
  }

  @Override
  public ByteBuffer read(long pageNumber) {
    ByteBuffer page = dirty.get(pageNumber);
    return page != null ? page : super.read(pageNumber);
  }

  @Override
  public boolean isDirty(long pageNumber) {
    return dirty.containsKey(pageNumber) || spilled.containsKey(pageNumber);
  }

  @Override
  public long touch(long pageNumber) {
    if (dirty.containsKey(pageNumber)) {
      return pageNumber;
    }
    if (spilled.remove(pageNumber) != null) {
      dirty.put(pageNumber, copyOf(super.read(pageNumber)));
      return pageNumber;
    }
    ByteBuffer copy = copyOf(read(pageNumber));
    long number = allocateUnused();
    copy.putLong(PageLayout.PAGE_NUMBER, number);
    copy.putLong(PageLayout.TXN_ID, txnId);
    dirty.put(number, copy);
    sources.put(number, pageNumber);
    allocator.freeCommitted(pageNumber);
    return number;
  }

  private ByteBuffer copyOf(ByteBuffer page) {
    ByteBuffer copy = pageBuffer();
    copy.put(0, page, 0, pageSize());
    return copy;
  }

  /**
   * A page buffer with unspecified contents: one whose page was spilled, else a new one. Reusing
   * spilled pages' buffers matters for bulk loads: allocating (and zeroing) a fresh 4 KiB array
   * per new page was a third of a sorted load's time (JFR). A spilled buffer is referenced by no
   * one: the region copied it, and spills happen only between tree operations. Committed pages'
   * buffers are not reused: they stay with {@link UnwrittenPages} until a checkpoint, and by then
   * they are out of the CPU caches, where a fresh array is not (one-row commits took 9 % longer
   * when a pool handed them out again).
   */
  private ByteBuffer pageBuffer() {
    if (recycledCount == 0) {
      return ByteBuffer.allocate(pageSize());
    }
    ByteBuffer page = recycled[--recycledCount];
    recycled[recycledCount] = null;
    return page.clear();
  }

  private void recycle(ByteBuffer page) {
    if (recycledCount < recycled.length) {
      recycled[recycledCount++] = page;
    }
  }

  @Override
  public ByteBuffer writable(long pageNumber) {
    ByteBuffer page = dirty.get(pageNumber);
    if (page == null) {
      if (!spilled.containsKey(pageNumber)) {
        throw new IllegalStateException("page " + pageNumber + " is not dirty");
      }
      touch(pageNumber);
      page = dirty.get(pageNumber);
    }
    return page;
  }

  /**
   * A page from the allocator, which must not be one this transaction already holds: a free list
   * that lists a page twice (damaged, or crafted with valid checksums) would otherwise make two
   * pages share one buffer and the tree code write out of bounds.
   */
  private long allocateUnused() {
    long number = allocator.allocate();
    if (isDirty(number)) {
      throw new StorageCorruptionException(number, "the free list hands out a page this"
          + " transaction already uses");
    }
    return number;
  }

  @Override
  public long allocate(byte type) {
    long number = allocateUnused();
    ByteBuffer page = pageBuffer();
    Arrays.fill(page.array(), page.arrayOffset(), page.arrayOffset() + pageSize(), (byte) 0);
    page.put(PageLayout.TYPE, type);
    page.putLong(PageLayout.PAGE_NUMBER, number);
    page.putLong(PageLayout.TXN_ID, txnId);
    dirty.put(number, page);
    return number;
  }

  @Override
  public void free(long pageNumber) {
    if (dirty.remove(pageNumber) != null || spilled.remove(pageNumber) != null) {
      allocator.freeLocal(pageNumber);
    } else {
      allocator.freeCommitted(pageNumber);
    }
  }

  /**
   * Writes dirty pages out early when there are too many. Called only between tree operations,
   * when no tree code holds a dirty buffer.
   */
  public void spillIfNeeded() {
    if (finished.size() >= finishedBatch()) {
      spill(finished);
      finished.clear();
    }
    if (dirty.size() <= maxDirtyPages) {
      return;
    }
    LongList numbers = new LongList();
    dirty.addKeysTo(numbers);
    spill(numbers);
    finished.clear();
  }

  /** Pages finished by append splits are written in batches of this many (1 MiB by default). */
  private int finishedBatch() {
    return Math.max(1, Math.min(256, maxDirtyPages / 4));
  }

  @Override
  public void finished(long pageNumber) {
    finished.add(pageNumber);
  }

  /** Writes the dirty pages among {@code numbers} and moves them to the spilled set. */
  private void spill(LongList numbers) {
    numbers.sort();
    try {
      core.pager.storeAll(numbers, dirty);
    } catch (StorageException e) {
      core.panicOn(e);
      throw e;
    }
    for (int i = 0; i < numbers.size(); i++) {
      long number = numbers.get(i);
      ByteBuffer page = dirty.remove(number);
      if (page != null) {
        spilled.put(number, Boolean.TRUE);
        recycle(page);
      }
    }
  }

  // ---- named trees ------------------------------------------------------------------------

  @Override
  public TreeRoot tree(String name) {
    TreeRoot tree = super.tree(name);
    if (tree != null && !committedTrees.containsKey(name)) {
      committedTrees.put(name, new TreeRoot(tree.root(), tree.entries()));
    }
    return tree;
  }

  /** Creates an empty tree; fails if one of that name exists. */
  public TreeRoot createTree(String name) {
    checkOpen();
    byte[] key = TreeDescriptor.nameKey(name);
    if (key.length == 0 || key.length > BTree.maxKeyLength(pageSize())) {
      throw new StorageException(StorageErrorCode.MISUSE, "invalid tree name '" + name + "'");
    }
    if (tree(name) != null) {
      throw new StorageException(StorageErrorCode.MISUSE, "tree '" + name + "' already exists");
    }
    TreeRoot tree = new TreeRoot(0, 0);
    try {
      spillIfNeeded();
      BTree.put(this, directory, key, TreeDescriptor.encode(tree));
    } catch (RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    trees.put(name, tree);
    committedTrees.put(name, new TreeRoot(0, 0));
    return tree;
  }

  /** Drops tree {@code name} and frees its pages; returns false if it did not exist. */
  public boolean dropTree(String name) {
    TreeRoot tree = tree(name);
    if (tree == null) {
      return false;
    }
    try {
      spillIfNeeded();
      BTree.freeAll(this, tree.root());
      BTree.delete(this, directory, TreeDescriptor.nameKey(name));
    } catch (RuntimeException | Error e) {
      failed(e);
      throw e;
    }
    tree.markDropped();
    trees.put(name, null);
    committedTrees.remove(name);
    return true;
  }

  /** Writes the descriptors of changed trees into the directory. */
  void writeTreeDescriptors() {
    for (Map.Entry<String, TreeRoot> entry : trees.entrySet()) {
      TreeRoot tree = entry.getValue();
      TreeRoot before = committedTrees.get(entry.getKey());
      if (tree != null && before != null
          && (tree.root() != before.root() || tree.entries() != before.entries())) {
        BTree.put(this, directory, TreeDescriptor.nameKey(entry.getKey()),
            TreeDescriptor.encode(tree));
      }
    }
  }
}
