package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.PageNumberCodec;
import java.nio.ByteBuffer;

/**
 * The commit protocol: how a write transaction's pages and its meta record reach the persistence
 * domain so that a crash at any instant leaves the previous or the new state, never a mixture.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A commit writes only pages that no live snapshot and not the previous committed state can
 *       see (the allocator's reuse rule), so until the new meta is durable the previous state is
 *       intact on disk and in every reader's view.
 *   <li>The meta page written is {@code 1 + (txnId & 1)}: the previous commit's meta page is never
 *       overwritten by the commit that follows it.
 *   <li>A meta record is checksummed; an open ignores a torn one and uses the other.
 *   <li>The meta record never becomes durable before the pages it references:
 *       <ul>
 *         <li>PAGE, single sync: pages and meta go down under one {@code fdatasync}; the meta lists
 *             the pages, and an open accepts it only if each listed page carries this commit's id
 *             and a valid checksum. A commit whose pages did not all land was never acknowledged.
 *         <li>PAGE, double sync (LMDB): sync the pages, then write and sync the meta.
 *         <li>CACHE_LINE: flush the pages' lines, fence, store the meta, flush it, fence.
 *         <li>BYTE (eADR): fence, store the meta, fence.
 *       </ul>
 *   <li>The new state is published to readers only after the commit is durable; a failure after
 *       the first write puts the store in its sticky panic state (a failed fsync is never retried).
 * </ol>
 */
final class Committer {
  private Committer() {}

  /** Makes the transaction durable and returns the snapshot to publish. */
  static Snapshot commit(StoreCore core, WriteContext txn, CommitProtocol protocol) {
    txn.writeTreeDescriptors();
    txn.allocator.persist(txn.freeList);

    LongList written = new LongList();
    txn.dirty.forEachKey(written::add);
    txn.spilled.forEachKey(written::add);
    written.sort();

    Granularity granularity = core.region.granularity();
    boolean listPages = granularity == Granularity.PAGE && protocol == CommitProtocol.SINGLE_SYNC;
    int pageSize = txn.pageSize();
    byte[] inline = new byte[0];
    byte[][] chain = new byte[0][];
    long[] chainPages = new long[0];
    int listed = 0;
    if (listPages) {
      byte[] encoded = PageNumberCodec.encode(written);
      listed = written.size();
      if (CommitList.fitsInline(encoded, pageSize)) {
        inline = encoded;
      } else {
        chain = CommitList.chainPayloads(written, pageSize);
        chainPages = new long[chain.length];
        for (int i = 0; i < chain.length; i++) {
          // Fresh pages: taking them from the free list would change what was just persisted.
          chainPages[i] = txn.allocator.allocateNew();
        }
      }
    }
    Snapshot next = new Snapshot(txn.txnId, txn.directory.root(), txn.freeList.root(),
        txn.allocator.pageCount(), System.currentTimeMillis(),
        chainPages.length > 0 ? chainPages[0] : 0, listed, inline);

    try {
      storePages(core, txn, written);
      Region region = core.region;
      switch (granularity) {
        case PAGE:
          for (int i = 0; i < chain.length; i++) {
            ByteBuffer page = ByteBuffer.allocate(pageSize);
            CommitList.format(page, chainPages[i], txn.txnId,
                i + 1 < chainPages.length ? chainPages[i + 1] : 0, chain[i]);
            core.pager.store(chainPages[i], page);
          }
          if (!listPages) {
            region.sync();
          }
          storeMeta(core, next, protocol);
          region.sync();
          break;
        case CACHE_LINE:
          // Pager.store has flushed the changed lines of every page, spilled ones included.
          region.fence();
          storeMeta(core, next, protocol);
          region.fence();
          break;
        case BYTE:
          region.fence();
          storeMeta(core, next, protocol);
          region.fence();
          break;
        default:
          throw new IllegalStateException(granularity.name());
      }
    } catch (RuntimeException | Error e) {
      core.panic(e);
      throw e;
    }
    return next;
  }

  private static void storePages(StoreCore core, WriteContext txn, LongList written) {
    core.pager.storeAll(written, txn.dirty);
  }

  /** Writes (and on cache-line regions flushes) the meta record of {@code next}. */
  private static void storeMeta(StoreCore core, Snapshot next, CommitProtocol protocol) {
    int pageSize = core.pager.pageSize();
    long metaPage = MetaLayout.metaPageFor(next.txnId);
    ByteBuffer page = ByteBuffer.allocate(pageSize);
    next.writeTo(page, metaPage, (byte) protocol.ordinal());
    Checksums.sealPage(page, pageSize);
    core.pager.storeRaw(core.pager.offsetOf(metaPage), page);
  }
}
