package dev.ferrite.storage.faults;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A scratch directory for the fault tests, on tmpfs when there is one: thousands of runs each
 * create, sync and reopen a file, which costs microseconds there and milliseconds on a disk.
 * Created once per JVM and removed at exit.
 */
final class ScratchFiles {
  private static final Path DIR = create();

  private ScratchFiles() {}

  private static Path create() {
    try {
      Path shm = Path.of("/dev/shm");
      Path dir = Files.isDirectory(shm) && Files.isWritable(shm)
          ? Files.createTempDirectory(shm, "ferrite-faults-")
          : Files.createTempDirectory("ferrite-faults-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A path in the scratch directory (the file itself is the caller's to create and delete). */
  static Path file(String name) {
    return DIR.resolve(name);
  }
}
