package dev.ferrite.tools.bench;

import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.lmdbjava.Dbi;
import org.lmdbjava.DbiFlags;
import org.lmdbjava.Env;
import org.lmdbjava.PutFlags;
import org.lmdbjava.Txn;

/**
 * An LMDB environment (lmdbjava, default {@code ByteBuffer} proxy) in a fresh directory of its
 * own, with one named database; closing it closes the environment and deletes the directory.
 *
 * <p>Opened with no environment flags: commits are durable by LMDB's default protocol (write the
 * pages, {@code fdatasync}, then write the meta page through a descriptor opened with
 * {@code O_DSYNC}). No {@code MDB_NOSYNC}, {@code MDB_NOMETASYNC}, {@code MDB_WRITEMAP} or
 * {@code MDB_NORDAHEAD}. The map size is only an address-space reservation; the file grows as
 * pages are written.
 */
public final class LmdbFixture implements AutoCloseable {
  /** JVM option lmdbjava needs on Java 17 (its ByteBuffer proxy reads a private field). */
  public static final String OPEN_NIO = "--add-opens=java.base/java.nio=ALL-UNNAMED";
  /** JVM option lmdbjava needs on Java 17 (direct buffer internals). */
  public static final String OPEN_NIO_CH = "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED";
  /** Name of the database every benchmark uses. */
  public static final String DB = "bench";
  private static final PutFlags[] APPEND = {PutFlags.MDB_APPEND};

  private final Path dir;
  private final Env<ByteBuffer> env;
  private final Dbi<ByteBuffer> dbi;

  private LmdbFixture(Path dir, Env<ByteBuffer> env, Dbi<ByteBuffer> dbi) {
    this.dir = dir;
    this.env = env;
    this.dbi = dbi;
  }

  /** Opens a new empty environment sized for {@code entries} entries. */
  public static LmdbFixture create(long entries) {
    Path dir = BenchDirs.create("lmdb");
    try {
      long mapSize = Math.max(2L << 30, entries * 2048);
      Env<ByteBuffer> env = Env.create().setMapSize(mapSize).setMaxDbs(1).open(dir.toFile());
      try {
        return new LmdbFixture(dir, env, env.openDbi(DB, DbiFlags.MDB_CREATE));
      } catch (RuntimeException e) {
        env.close();
        throw e;
      }
    } catch (RuntimeException e) {
      BenchDirs.delete(dir);
      throw e;
    }
  }

  /** The environment. */
  public Env<ByteBuffer> env() {
    return env;
  }

  /** The benchmark database. */
  public Dbi<ByteBuffer> dbi() {
    return dbi;
  }

  /** Puts {@code key} and {@code value} with {@code MDB_APPEND} (key must sort last). */
  public void append(Txn<ByteBuffer> txn, ByteBuffer key, ByteBuffer value) {
    dbi.put(txn, key, value, APPEND);
  }

  /** Loads entries {@code 0 .. n-1} in key order with {@code MDB_APPEND}, in one transaction. */
  public void loadSorted(int n) {
    ByteBuffer key = BenchData.newDirectKey();
    ByteBuffer value = BenchData.newDirectValue();
    try (Txn<ByteBuffer> txn = env.txnWrite()) {
      for (int i = 0; i < n; i++) {
        BenchData.key(i, key);
        BenchData.value(i, value);
        append(txn, key, value);
      }
      txn.commit();
    }
  }

  /** Closes the environment and deletes its directory. */
  @Override
  public void close() {
    try {
      env.close();
    } finally {
      BenchDirs.delete(dir);
    }
  }
}
