package dev.ferrite.storage.txn;

import dev.ferrite.storage.CommitProtocol;
import dev.ferrite.storage.page.Checksums;
import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.region.Granularity;
import dev.ferrite.storage.region.Region;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.LongObjectMap;
import dev.ferrite.storage.util.PageNumberCodec;
import java.nio.ByteBuffer;

/**
 * The commit protocol: how a write transaction's pages and a meta record reach the persistence
 * domain so that a crash at any instant leaves the last durable state or a newer complete one,
 * never a mixture.
 *
 * <p>Invariants:
 * <ol>
 *   <li>A commit writes only pages that no live snapshot and not the last durable state can see
 *       (the allocator's reuse limit is the oldest reader or the last <em>durable</em> commit), so
 *       until a new meta is durable the durable state is intact on disk and in every reader's view.
 *   <li>At most one meta write is in flight, and it goes to the meta page that does not hold the
 *       last durable meta.
 *   <li>A meta record is checksummed; an open ignores a torn one and uses the other.
 *   <li>A meta never becomes durable before the pages of its state:
 *       <ul>
 *         <li>PAGE, logged (the default): a small group needs no meta. One range-durable write
 *             appends a record with its state and the images of its pages to the commit log
 *             ({@link CommitLog}, which states the log's invariants). Its pages are served from
 *             memory ({@link UnwrittenPages}) until a later checkpoint writes them in place and
 *             syncs them (write, sync, meta, sync); an open replays the log.
 *         <li>PAGE, single sync: pages and meta go down under one {@code fdatasync}. The meta
 *             lists the group's pages that are live in its state, with the group's first txn id;
 *             an open accepts it only if each carries a txn id in that range and a valid
 *             checksum. A page cannot be written twice within a group (its freeing commit would
 *             have to be durable first), so older content always falls outside the range.
 *         <li>PAGE, double sync (LMDB), or a list too long for the meta page: sync the pages,
 *             then write and sync the meta.
 *         <li>CACHE_LINE: the pages' changed lines were flushed as they were stored; fence,
 *             store the meta (its lines flushed), fence.
 *         <li>BYTE (eADR): fence, store the meta, fence.
 *       </ul>
 *   <li>A state is published to readers only after it is durable; a failure from the first page
 *       write on puts the store in its sticky panic state (a failed fsync is never retried).
 * </ol>
 */
final class Committer {
  private Committer() {}

  /**
   * A transaction whose pages are sealed (and on cache-line regions written) but not yet durable;
   * {@code sources} maps pages it made by copy-on-write to the committed pages they copied.
   */
  record Prepared(Snapshot state, LongList written, LongList freed,
      LongObjectMap<Long> sources) {}

  /**
   * Finishes the transaction's state (tree descriptors, free list) and seals its pages: on PAGE
   * regions they are served from memory until a checkpoint writes them in place (the commit log
   * makes them durable), elsewhere they are written, and their lines flushed, here. Runs under
   * the writer lock.
   */
  static Prepared prepare(StoreCore core, WriteContext txn) {
    txn.writeTreeDescriptors();
    txn.allocator.persist(txn.freeList);
    LongList written = new LongList();
    txn.dirty.addKeysTo(written);
    txn.spilled.addKeysTo(written);
    written.sort();
    Snapshot state = Snapshot.committed(txn.txnId, txn.directory.root(), txn.freeList.root(),
        txn.allocator.pageCount());
    try {
      if (groups(core.region)) {
        core.pager.keepUnwritten(written, txn.dirty);
      } else {
        core.pager.storeAll(written, txn.dirty);
      }
    } catch (RuntimeException | Error e) {
      core.panic(e);
      throw e;
    }
    return new Prepared(state, written, txn.allocator.freedPages(), txn.sources);
  }

  /**
   * Makes {@code state} durable on a cache-line region, where there is no sync to share: its
   * pages' lines are already flushed. Returns the state with its meta page.
   */
  static Snapshot makeDurableNow(StoreCore core, Snapshot state, Snapshot durable) {
    Region region = core.region;
    Snapshot meta = state.withMeta(MetaLayout.otherMetaPage(durable.metaPage), state.txnId, 0,
        new byte[0]);
    region.fence();
    storeMeta(core, meta, CommitProtocol.SINGLE_SYNC);
    region.fence();
    return meta;
  }

  /**
   * Makes a group of prepared commits durable on a PAGE region, {@code state} being the newest.
   * {@code livePages} are the group's pages live in {@code state}, with the committed page each
   * was copied from (0: none). The group's commits are those after {@code durable}. LOGGED: one
   * record in the commit log if it takes it; otherwise, and for the other protocols, a meta
   * record, after every page not yet in place is written there.
   */
  static Snapshot makeGroupDurable(StoreCore core, Snapshot state, LongList livePages,
      LongObjectMap<Long> sources, Snapshot durable, CommitProtocol protocol) {
    CommitLog log = core.log;
    if (log != null && protocol == CommitProtocol.LOGGED) {
      Snapshot logged = log.tryAppend(core.pager, core.region, state, durable, livePages,
          sources);
      if (logged != null) {
        return logged;
      }
    }
    long metaPage = MetaLayout.otherMetaPage(durable.metaPage);
    byte[] list = PageNumberCodec.encode(livePages);
    // A commit list validates only its group's pages, and only until a later logged commit
    // reuses one of them; so LOGGED syncs the pages first, like DOUBLE_SYNC, and lists none.
    if (protocol == CommitProtocol.SINGLE_SYNC && (log == null || !log.holdsCommits())
        && MetaLayout.listFits(list.length, core.pager.pageSize())) {
      return writeMeta(core.region, core.pager, log,
          state.withMeta(metaPage, durable.txnId + 1, livePages.size(), list), protocol, false);
    }
    return writeMeta(core.region, core.pager, log,
        state.withMeta(metaPage, state.txnId, 0, new byte[0]), protocol, true);
  }

  /**
   * Empties the commit log: syncs every page in place, then writes and syncs a meta without a
   * commit list for the durable state {@code durable}; returns that state with its new meta page.
   * Used at close (the next open has nothing to replay) and on open after a list meta.
   */
  static Snapshot checkpoint(Region region, Pager pager, CommitLog log, Snapshot durable) {
    return writeMeta(region, pager, log, durable.withMeta(
        MetaLayout.otherMetaPage(durable.metaPage), durable.txnId, 0, new byte[0]),
        CommitProtocol.LOGGED, true);
  }

  /**
   * Writes every page not yet in place, then makes {@code meta} durable (after syncing those
   * pages first if {@code pagesFirst}), and records in the log, if any, that it now starts from
   * this meta.
   */
  private static Snapshot writeMeta(Region region, Pager pager, CommitLog log, Snapshot meta,
      CommitProtocol protocol, boolean pagesFirst) {
    // Every page must be in place before any sync: a meta, or the log emptied, relies on them.
    pager.writeUnwritten();
    long length = region.length();
    if (pagesFirst) {
      region.sync();
    }
    storeMeta(pager, meta, protocol);
    region.sync();
    if (log != null) {
      log.emptied(length, meta.txnId);
    }
    return meta;
  }

  /** Writes (and on cache-line regions flushes) a meta record. */
  static void storeMeta(StoreCore core, Snapshot meta, CommitProtocol protocol) {
    storeMeta(core.pager, meta, protocol);
  }

  private static void storeMeta(Pager pager, Snapshot meta, CommitProtocol protocol) {
    int pageSize = pager.pageSize();
    ByteBuffer page = ByteBuffer.allocate(pageSize);
    meta.writeTo(page, (byte) protocol.ordinal());
    Checksums.sealPage(page, pageSize);
    pager.storeRaw(pager.offsetOf(meta.metaPage), page);
  }

  /** Whether commits on {@code region} share syncs (only PAGE regions have syncs to share). */
  static boolean groups(Region region) {
    return region.granularity() == Granularity.PAGE;
  }
}
