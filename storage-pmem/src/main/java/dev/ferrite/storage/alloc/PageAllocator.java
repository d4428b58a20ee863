package dev.ferrite.storage.alloc;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.storage.btree.BTree;
import dev.ferrite.storage.btree.PageAccess;
import dev.ferrite.storage.btree.TreeCursor;
import dev.ferrite.storage.btree.TreeRoot;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.PageNumberCodec;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Page allocation for one write transaction, over a free list keyed by transaction id.
 *
 * <p>The free-list tree maps {@code txnId} (8 bytes, big-endian) to the pages that commit freed:
 * pages visible in snapshot {@code txnId - 1} but not in {@code txnId}. Key 0 holds pages that any
 * transaction may reuse at once (leftovers of earlier allocations).
 *
 * <p>Invariants:
 * <ol>
 *   <li>A page freed by commit {@code k} is reused only if {@code k <= reuseLimit}, where
 *       {@code reuseLimit = min(oldest live reader snapshot, last durable txn)}: no live snapshot
 *       and not the previous durable state can still see it. So a commit never overwrites a page
 *       that a reader, or the meta page it replaces as fallback, depends on.
 *   <li>Pages freed by this transaction that were committed ({@link #freeCommitted}) are not
 *       reusable before this transaction commits; pages it allocated and then freed
 *       ({@link #freeLocal}) were never visible to anyone and are reused at once.
 *   <li>After {@link #persist}, every page below {@link #pageCount} is exactly one of: reachable
 *       from the new meta, or listed in the free-list tree. Nothing leaks, nothing is listed twice.
 * </ol>
 */
public final class PageAllocator {
  private static final int MAX_PERSIST_ROUNDS = 64;

  private final PageAccess access;
  private final TreeRoot committedFreeList;
  private final long reuseLimit;
  private final LongConsumer ensureCapacity;
  private final LongList local = new LongList();
  private final LongList reusable = new LongList();
  private final LongList freed = new LongList();
  private final LongList consumedKeys = new LongList();
  private long pageCount;
  private long nextKey;
  private boolean exhausted;
  private long changes;

  /**
   * Creates the allocator of a write transaction.
   *
   * @param access the transaction, to read the committed free-list tree
   * @param freeList the free-list tree as committed
   * @param pageCount the committed high-water mark
   * @param reuseLimit pages freed by commits up to this id may be reused
   * @param ensureCapacity called with a page count before pages up to it are handed out
   */
  public PageAllocator(PageAccess access, TreeRoot freeList, long pageCount, long reuseLimit,
      LongConsumer ensureCapacity) {
    this.access = access;
    this.committedFreeList = new TreeRoot(freeList.root(), freeList.entries());
    this.pageCount = pageCount;
    this.reuseLimit = reuseLimit;
    this.ensureCapacity = ensureCapacity;
  }

  /** The high-water mark: pages at or above it have never been used. */
  public long pageCount() {
    return pageCount;
  }

  /** Returns a page number that nobody can see: reused if possible, else a new page. */
  public long allocate() {
    changes++;
    while (true) {
      if (!local.isEmpty()) {
        return local.removeLast();
      }
      if (!reusable.isEmpty()) {
        return reusable.removeLast();
      }
      if (exhausted || !loadFreeEntry()) {
        break;
      }
    }
    return allocateNew();
  }

  /** Returns a page number above the high-water mark, never a reused one. */
  public long allocateNew() {
    changes++;
    long page = pageCount;
    ensureCapacity.accept(page + 1);
    pageCount = page + 1;
    return page;
  }

  /** Records that a committed page is no longer part of this transaction's state. */
  public void freeCommitted(long page) {
    changes++;
    freed.add(page);
  }

  /** Records that a page allocated by this transaction is no longer used. */
  public void freeLocal(long page) {
    changes++;
    local.add(page);
  }

  /** Moves the next reusable free-list entry into the pool; false when there is none. */
  private boolean loadFreeEntry() {
    TreeCursor cursor = new TreeCursor(access, committedFreeList, false);
    if (!cursor.seek(key(nextKey))) {
      exhausted = true;
      return false;
    }
    long txnId = ByteBuffer.wrap(cursor.key()).getLong();
    if (txnId > reuseLimit) {
      exhausted = true;
      return false;
    }
    decode(cursor.value(), txnId, reusable);
    consumedKeys.add(txnId);
    nextKey = txnId + 1;
    return true;
  }

  private static void decode(byte[] value, long txnId, LongList out) {
    try {
      PageNumberCodec.decode(value, 0, value.length, out);
    } catch (IllegalArgumentException e) {
      throw new StorageCorruptionException(-1, "free-list entry of transaction " + txnId
          + " is malformed");
    }
  }

  /** Free-list key of a transaction id. */
  public static byte[] key(long txnId) {
    return ByteBuffer.allocate(8).putLong(txnId).array();
  }

  /**
   * Writes this transaction's changes into the free-list tree {@code freeList} (already opened
   * for writing in the transaction): removes consumed entries, records pages freed by this
   * commit under its id, and keeps unused reusable pages under key 0.
   *
   * <p>Changing the tree allocates and frees pages itself, which changes what must be recorded,
   * so this repeats until one round neither allocates nor frees (LMDB's freelist loop).
   */
  public void persist(TreeRoot freeList) {
    long txnKey = access.txnId();
    // Copy the leaves this changes first (the oldest entries and key 0 at the left edge, this
    // commit's entry at the right): the allocations and frees that copying causes then come
    // before the values are encoded, and one round usually settles instead of two or three.
    BTree.touchPathTo(access, freeList, key(0));
    BTree.touchPathTo(access, freeList, key(txnKey));
    byte[] writtenLeftovers = null;
    byte[] writtenFreed = null;
    for (int round = 0; round < MAX_PERSIST_ROUNDS; round++) {
      long before = changes;
      for (int i = 0; i < consumedKeys.size(); i++) {
        if (consumedKeys.get(i) != 0) {
          BTree.delete(access, freeList, key(consumedKeys.get(i)));
        }
      }
      if (nextKey == 0 && !(reusable.isEmpty() && local.isEmpty())) {
        // Key 0 is rewritten below; take what it holds first so nothing in it is lost. Local
        // pages can appear mid-way (a round that rewrites an overflow value frees the pages an
        // earlier round allocated), so this is checked every round.
        byte[] zero = BTree.get(access, committedFreeList.root(), key(0));
        if (zero != null) {
          decode(zero, 0, reusable);
          consumedKeys.add(0);
        }
        nextKey = 1;
      }
      boolean ownsKeyZero = nextKey > 0;
      LongList leftovers = new LongList();
      leftovers.addAll(reusable);
      leftovers.addAll(local);
      byte[] encodedLeftovers = PageNumberCodec.encode(leftovers);
      if (writtenLeftovers != null && encodedLeftovers.length < writtenLeftovers.length) {
        // Never shrink key 0 within one persist: a value that crosses a page boundary back and
        // forth would move its overflow page in and out of the very list it holds, forever.
        encodedLeftovers = Arrays.copyOf(encodedLeftovers, writtenLeftovers.length);
      }
      // Rewriting an unchanged value would free and reallocate its overflow pages forever.
      // An empty key-0 entry stays instead of being deleted: deleting it could empty the tree,
      // freeing a page that the next round would need back, and so on without end.
      if (!Arrays.equals(encodedLeftovers, writtenLeftovers)
          && (!leftovers.isEmpty() || ownsKeyZero)) {
        BTree.put(access, freeList, key(0), encodedLeftovers);
        writtenLeftovers = encodedLeftovers;
      }
      if (!freed.isEmpty()) {
        LongList copy = new LongList();
        copy.addAll(freed);
        byte[] encodedFreed = PageNumberCodec.encode(copy);
        if (!Arrays.equals(encodedFreed, writtenFreed)) {
          BTree.put(access, freeList, key(txnKey), encodedFreed);
          writtenFreed = encodedFreed;
        }
      }
      if (changes == before) {
        return;
      }
    }
    throw new StorageException(StorageErrorCode.MISUSE, "free-list update did not settle after "
        + MAX_PERSIST_ROUNDS + " rounds");
  }

  /** The committed pages this transaction stopped using (they are free once it is durable). */
  public LongList freedPages() {
    return freed;
  }

  /** Decodes a free-list value, for integrity checks. */
  public static void decodeEntry(byte[] value, long txnId, LongList out) {
    decode(value, txnId, out);
  }
}
