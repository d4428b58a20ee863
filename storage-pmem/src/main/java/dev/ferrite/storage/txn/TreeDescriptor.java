package dev.ferrite.storage.txn;

import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.btree.TreeRoot;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Entries of the directory tree, which maps a tree's name (UTF-8) to its descriptor:
 * {@code long root page, long entry count}.
 */
final class TreeDescriptor {
  static final int SIZE = 16;

  private TreeDescriptor() {}

  static byte[] nameKey(String name) {
    return name.getBytes(StandardCharsets.UTF_8);
  }

  static byte[] encode(TreeRoot tree) {
    return ByteBuffer.allocate(SIZE).putLong(tree.root()).putLong(tree.entries()).array();
  }

  static TreeRoot decode(String name, byte[] value, long pageCount) {
    ByteBuffer b = ByteBuffer.wrap(value);
    if (value.length != SIZE) {
      throw new StorageCorruptionException(-1, "descriptor of tree '" + name + "' has "
          + value.length + " bytes");
    }
    long root = b.getLong();
    long entries = b.getLong();
    if (root < 0 || root >= pageCount || entries < 0) {
      throw new StorageCorruptionException(-1, "descriptor of tree '" + name + "' is invalid");
    }
    return new TreeRoot(root, entries);
  }
}
