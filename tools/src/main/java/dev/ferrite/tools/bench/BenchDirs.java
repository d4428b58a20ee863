package dev.ferrite.tools.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Where benchmark database files live: a fresh temporary directory under the directory named by
 * the system property {@code ferrite.bench.dir}, or by default under {@code tools/target} (when
 * run from the project root) or {@code target}. It must be on the real disk, not a tmpfs such as
 * /dev/shm, or the durable-commit numbers mean nothing; a tmpfs is reported on stderr.
 */
public final class BenchDirs {
  /** The system property naming the parent directory of all benchmark files. */
  public static final String PROPERTY = "ferrite.bench.dir";

  private static boolean reported;

  private BenchDirs() {}

  /** The parent directory (created if missing). */
  public static Path base() {
    String configured = System.getProperty(PROPERTY);
    Path base;
    if (configured != null && !configured.isBlank()) {
      base = Path.of(configured);
    } else if (Files.isDirectory(Path.of("tools", "target"))) {
      base = Path.of("tools", "target", "bench-data");
    } else {
      base = Path.of("target", "bench-data");
    }
    try {
      return Files.createDirectories(base.toAbsolutePath().normalize());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create benchmark directory " + base, e);
    }
  }

  /** Creates a fresh, empty directory for one store; delete it with {@link #delete}. */
  public static Path create(String prefix) {
    try {
      Path dir = Files.createTempDirectory(base(), prefix + "-");
      warnIfMemoryBacked(dir);
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create a directory under " + base(), e);
    }
  }

  private static void warnIfMemoryBacked(Path dir) throws IOException {
    FileStore store = Files.getFileStore(dir);
    if (!reported) {
      reported = true;
      System.out.println("[bench-dir] " + dir.getParent() + " (" + store.type() + ")");
    }
    if (store.type().equals("tmpfs") || store.type().equals("ramfs")) {
      System.err.println("WARNING: " + dir + " is on " + store.type()
          + "; fdatasync is free there, so commit timings are not those of a disk");
    }
  }

  /** Deletes {@code dir} and everything in it; does nothing if it is null or gone. */
  public static void delete(Path dir) {
    if (dir == null || !Files.exists(dir)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
        Files.deleteIfExists(path);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot delete " + dir, e);
    }
  }
}
