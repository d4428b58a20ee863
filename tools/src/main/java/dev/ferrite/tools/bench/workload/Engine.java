package dev.ferrite.tools.bench.workload;

import dev.ferrite.engine.Session;
import dev.ferrite.storage.Store;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * A database under test: which product, where its file lives, the durability setting it runs
 * with (stated in every table and report, because a commit rate means nothing without it), and
 * how to connect. Every engine is a file database in its own directory.
 */
public final class Engine {
  /** The products compared. */
  public enum Kind { FERRITE, SQLITE, H2, HSQLDB }

  private final Kind kind;
  private final String name;
  private final Path dir;
  private final String url;
  private final String setting;
  private final boolean durable;
  private final boolean insertOnly;
  private final String ferriteDurability;

  private Engine(Kind kind, String name, Path dir, String url, String setting, boolean durable,
      boolean insertOnly, String ferriteDurability) {
    this.kind = kind;
    this.name = name;
    this.dir = dir;
    this.url = url;
    this.setting = setting;
    this.durable = durable;
    this.insertOnly = insertOnly;
    this.ferriteDurability = ferriteDurability;
  }

  /**
   * Ferrite on a file in {@code dir} with {@code durability} ({@code auto}, {@code page},
   * {@code dax}, {@code fence}, ...). {@code dax} and {@code fence} on a directory without
   * persistent memory (such as /dev/shm) need the testing switch {@code ferrite.pmem.force}: it
   * is set here, and the engine is then marked not durable and insert-only (it exists for W1's
   * second target, the commit path's CPU cost with cache-line semantics).
   */
  public static Engine ferrite(Path dir, String durability) {
    String d = durability.toLowerCase(Locale.ROOT);
    boolean pmem = d.equals("dax") || d.equals("fence");
    if (pmem) {
      System.setProperty("ferrite.pmem.force", "true");
    }
    String name = d.equals("auto") ? "ferrite" : "ferrite-" + d;
    String setting = pmem
        ? "durability=" + d + " on " + dir.getParent() + " with -Dferrite.pmem.force=true (cache-line"
            + " flush/fence semantics on ordinary memory: NOT durable here)"
        : "durability=" + d + " (a commit returns once it is on stable storage: on a disk one"
            + " O_DIRECT+O_DSYNC write of a commit log record, shared by concurrent commits)";
    return new Engine(Kind.FERRITE, name, dir, "jdbc:ferrite:" + dir.resolve("bench.ferrite")
        + ";durability=" + d, setting, !pmem, pmem, d);
  }

  /** SQLite (xerial) in WAL mode with {@code synchronous=FULL}: the WAL is fsynced at every commit. */
  public static Engine sqlite(Path dir) {
    return new Engine(Kind.SQLITE, "sqlite", dir, "jdbc:sqlite:" + dir.resolve("bench.sqlite"),
        "journal_mode=WAL, synchronous=FULL (the WAL is fsynced at every commit), busy_timeout=5000",
        true, false, null);
  }

  /**
   * H2 with its default settings (MVStore). It never fsyncs on commit: a background thread writes
   * changes to the file within WRITE_DELAY (500 ms), so its commits are not durable on power loss.
   */
  public static Engine h2(Path dir) {
    return new Engine(Kind.H2, "h2", dir, "jdbc:h2:" + dir.resolve("bench"),
        "defaults: commits written by a background thread within WRITE_DELAY, no fsync on commit"
            + " (NOT durable on power loss)", false, false, null);
  }

  /**
   * HSQLDB with {@code hsqldb.write_delay=false}, so its redo log is synced at every commit
   * (its default, a 500 ms delay, would not be durable); otherwise defaults: MEMORY tables (all
   * rows in the heap, persisted through the log and checkpoints) and LOCKS transaction control.
   */
  public static Engine hsqldb(Path dir) {
    return new Engine(Kind.HSQLDB, "hsqldb", dir, "jdbc:hsqldb:file:" + dir.resolve("bench")
        + ";hsqldb.write_delay=false;shutdown=true",
        "hsqldb.write_delay=false (the redo log is synced at every commit); MEMORY tables, LOCKS"
            + " transaction control (defaults)", true, false, null);
  }

  /** The engine called {@code kind} (ferrite, sqlite, h2, hsqldb) in a new directory under {@code parent}. */
  public static Engine of(String kind, Path parent, String ferriteDurability) {
    Path dir = newDir(parent, kind);
    switch (kind.toLowerCase(Locale.ROOT)) {
      case "ferrite": return ferrite(dir, ferriteDurability);
      case "sqlite": return sqlite(dir);
      case "h2": return h2(dir);
      case "hsqldb": return hsqldb(dir);
      default: throw new IllegalArgumentException("unknown engine " + kind
          + " (ferrite, sqlite, h2, hsqldb)");
    }
  }

  /** A new empty directory {@code parent/prefix-NNN}. */
  static Path newDir(Path parent, String prefix) {
    try {
      return Files.createTempDirectory(Files.createDirectories(parent), prefix + "-");
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory under " + parent, e);
    }
  }

  /** A new connection in autocommit mode, with the engine's per-connection settings applied. */
  public Connection connect() throws SQLException {
    Connection c = DriverManager.getConnection(url);
    if (kind == Kind.SQLITE) {
      // synchronous and busy_timeout are per connection; journal_mode=WAL is kept in the file.
      try (Statement s = c.createStatement()) {
        s.execute("PRAGMA journal_mode=WAL");
        s.execute("PRAGMA synchronous=FULL");
        s.execute("PRAGMA busy_timeout=5000");
      }
    }
    return c;
  }

  /**
   * The primary-key column type for the 64-bit ids. SQLite gets {@code INTEGER PRIMARY KEY}: in
   * SQLite that is the 64-bit rowid itself, its fast path, while {@code BIGINT PRIMARY KEY}
   * would add a separate index. Giving each peer its best form keeps the ratios honest.
   */
  public String bigintKey() {
    return kind == Kind.SQLITE ? "INTEGER PRIMARY KEY" : "BIGINT PRIMARY KEY";
  }

  /** What the database itself reports about its durability setting, read back over {@code c}. */
  public String readBack(Connection c) {
    return DurabilityReadBack.of(kind, c);
  }

  /**
   * Ferrite's own counters {@code {syncs, commits}} since the store opened (PAGE durability;
   * a cache-line backend counts neither), or null for other engines.
   */
  public long[] syncsAndCommits(Connection c) throws SQLException {
    if (kind != Kind.FERRITE) {
      return null;
    }
    Store store = c.unwrap(Session.class).database().store();
    return store.syncsAndCommits();
  }

  /** Short label used in tables: ferrite, ferrite-dax, sqlite, h2, hsqldb. */
  public String name() {
    return name;
  }

  public Kind kind() {
    return kind;
  }

  /** The directory holding this engine's files. */
  public Path dir() {
    return dir;
  }

  /** The durability setting it runs with, in words. */
  public String setting() {
    return setting;
  }

  /** Whether a returned commit is on stable storage with this setting (H2: no; forced pmem: no). */
  public boolean durable() {
    return durable;
  }

  /** Whether this engine only takes part in W1 (Ferrite on /dev/shm with dax or fence). */
  public boolean insertOnly() {
    return insertOnly;
  }

  /**
   * A string from which {@link #fromSpec} rebuilds this engine in a child JVM (for counting
   * syncs under strace): kind, Ferrite durability, directory.
   */
  public String spec() {
    return kind.name() + "|" + (ferriteDurability == null ? "-" : ferriteDurability) + "|" + dir;
  }

  /** The engine described by {@link #spec}. */
  public static Engine fromSpec(String spec) {
    String[] p = spec.split("\\|", 3);
    Path dir = Path.of(p[2]);
    switch (Kind.valueOf(p[0])) {
      case FERRITE: return ferrite(dir, p[1]);
      case SQLITE: return sqlite(dir);
      case H2: return h2(dir);
      default: return hsqldb(dir);
    }
  }

  @Override
  public String toString() {
    return name;
  }
}
