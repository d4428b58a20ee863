package dev.ferrite.storage.txn;

import dev.ferrite.storage.page.MetaLayout;
import dev.ferrite.storage.page.PageLayout;
import dev.ferrite.storage.util.LongList;
import dev.ferrite.storage.util.PageNumberCodec;
import java.nio.ByteBuffer;

/**
 * The list of pages a single-sync commit wrote, which lets an open tell a complete commit from one
 * whose pages did not all reach the disk before power failed. Stored inline in the meta page when
 * it fits, otherwise in a chain of COMMIT_LIST pages:
 *
 * <pre>
 *  0..23  common header (type COMMIT_LIST, txn id = the commit)
 *  24     long next page of the chain, 0 at the end
 *  32     int  bytes used in this page
 *  40..   delta-varint page numbers (a number never spans two pages)
 * </pre>
 */
final class CommitList {
  static final int NEXT = PageLayout.COMMON_HEADER;
  static final int USED = 32;
  static final int DATA = 40;

  private CommitList() {}

  static boolean fitsInline(byte[] encoded, int pageSize) {
    return encoded.length <= pageSize - MetaLayout.INLINE_LIST;
  }

  /** Splits the sorted page numbers into per-page encodings for a chain. */
  static byte[][] chainPayloads(LongList sortedPages, int pageSize) {
    int capacity = pageSize - DATA;
    java.util.List<byte[]> payloads = new java.util.ArrayList<>();
    LongList current = new LongList();
    int estimate = 0;
    for (int i = 0; i < sortedPages.size(); i++) {
      current.add(sortedPages.get(i));
      estimate += 10;
      if (estimate + 10 > capacity) {
        payloads.add(PageNumberCodec.encode(current));
        current = new LongList();
        estimate = 0;
      }
    }
    if (!current.isEmpty()) {
      payloads.add(PageNumberCodec.encode(current));
    }
    return payloads.toArray(new byte[0][]);
  }

  static void format(ByteBuffer page, long pageNumber, long txnId, long next, byte[] payload) {
    page.put(PageLayout.TYPE, PageLayout.TYPE_COMMIT_LIST);
    page.putLong(PageLayout.PAGE_NUMBER, pageNumber);
    page.putLong(PageLayout.TXN_ID, txnId);
    page.putLong(NEXT, next);
    page.putInt(USED, payload.length);
    page.put(DATA, payload);
  }
}
