package dev.ferrite.tools.admin;

import dev.ferrite.storage.ReadTransaction;
import dev.ferrite.storage.Store;
import dev.ferrite.storage.StoreOptions;
import dev.ferrite.storage.page.FileHeaderLayout;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A database file as the storage layer sees it, read through a read-only {@link Store} (which
 * checks the header and picks the newest valid commit) and, for the two header fields the
 * Store API does not expose, the header bytes it has just validated.
 *
 * @param formatVersion the on-disk format version
 * @param created when the file was created
 * @param pageSize bytes per page
 * @param fileLength bytes in the file
 * @param pageCount pages in use (the high-water mark of the newest commit)
 * @param lastCommittedTxnId the newest committed transaction
 * @param durabilityRecord the durability decision recorded at the last read-write open, or null
 * @param recoveryNote what opening had to discard, or null
 * @param treeEntries every tree and its number of entries
 * @param logPages pages of the commit log ring (0: none)
 */
public record StoreFacts(int formatVersion, Instant created, int pageSize, long fileLength,
    long pageCount, long lastCommittedTxnId, String durabilityRecord, String recoveryNote,
    Map<String, Long> treeEntries, int logPages) {

  /** Reads the facts of the database at {@code path} without changing it. */
  public static StoreFacts read(Path path) throws IOException {
    try (Store store = Store.open(path, StoreOptions.defaults().withReadOnly(true))) {
      Map<String, Long> trees = new LinkedHashMap<>();
      try (ReadTransaction txn = store.beginRead()) {
        for (String name : txn.treeNames()) {
          trees.put(name, txn.tree(name).entries());
        }
      }
      ByteBuffer header = ByteBuffer.allocate(FileHeaderLayout.LOG_PAGES + Integer.BYTES);
      try (FileChannel file = FileChannel.open(path, StandardOpenOption.READ)) {
        file.read(header, 0);
      }
      return new StoreFacts(header.getInt(FileHeaderLayout.FORMAT_VERSION),
          Instant.ofEpochMilli(header.getLong(FileHeaderLayout.CREATED_MILLIS)),
          store.pageSize(), store.fileLength(), store.pageCount(), store.lastCommittedTxnId(),
          store.recordedDurability(), store.recoveryNote(), trees,
          header.getInt(FileHeaderLayout.LOG_PAGES));
    }
  }
}
