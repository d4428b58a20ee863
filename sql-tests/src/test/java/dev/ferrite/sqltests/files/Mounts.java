package dev.ferrite.sqltests.files;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Small file systems that really fill up, mounted by the test (CI runs as root): a tmpfs of a
 * few megabytes, where writes fail with ENOSPC, and a thin-provisioned ext4 (a 64 MiB file system
 * on a loop device whose backing file lives in a small tmpfs), which accepts writes into the page
 * cache and fails their write-back, so that {@code fdatasync} reports the error, as on an
 * overcommitted SAN. A test is skipped where mounting is not allowed. {@link #close} undoes
 * everything, newest first.
 */
final class Mounts implements AutoCloseable {
  /** A thin-provisioned ext4: its loop device, where it is mounted, and its backing tmpfs. */
  record ThinDisk(String device, Path mount, Path backing) {}

  /** A finished command: its exit code and output. */
  private record Result(int exit, String output) {
    boolean ok() {
      return exit == 0;
    }
  }

  private final Deque<List<String>> undo = new ArrayDeque<>();

  /** Mounts a tmpfs of {@code size} (such as "2m") at {@code dir}; skips the test if it cannot. */
  void tmpfs(Path dir, String size) throws IOException {
    Files.createDirectories(dir);
    Result mounted = exec("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString());
    assumeTrue(mounted.ok(), () -> "cannot mount a tmpfs here: " + mounted.output());
    undo.push(List.of("umount", "-l", dir.toString()));
  }

  /** Changes the size of the tmpfs at {@code dir}: more room, as if files had been deleted. */
  void resize(Path dir, String size) {
    check("mount", "-o", "remount,size=" + size, dir.toString());
  }

  /** Mounts under {@code root} a 64 MiB ext4 whose blocks live in a tmpfs of {@code backing}. */
  ThinDisk thinExt4(Path root, String backing) throws IOException {
    Path store = root.resolve("backing");
    tmpfs(store, backing);
    Path image = store.resolve("disk.img");
    try (RandomAccessFile file = new RandomAccessFile(image.toFile(), "rw")) {
      file.setLength(64L << 20);
    }
    Result loop = exec("losetup", "-f", "--show", image.toString());
    assumeTrue(loop.ok(), () -> "no loop device here: " + loop.output());
    undo.push(List.of("losetup", "-d", loop.output()));
    // No journal: a failed journal write would turn the file system read-only, another test.
    check("mkfs.ext4", "-q", "-F", "-O", "^has_journal", loop.output());
    Path mount = root.resolve("mnt");
    Files.createDirectories(mount);
    check("mount", loop.output(), mount.toString());
    undo.push(List.of("umount", "-l", mount.toString()));
    return new ThinDisk(loop.output(), mount, store);
  }

  /**
   * Gives a thin disk room to write back ({@code backing} for its tmpfs), then checks and
   * remounts its file system, as an administrator would after it filled.
   */
  void recover(ThinDisk disk, String backing) throws InterruptedException {
    unmount(disk.mount());
    resize(disk.backing(), backing);
    exec("e2fsck", "-f", "-y", disk.device());   // exit 1 means "errors corrected"
    check("mount", disk.device(), disk.mount().toString());
  }

  /**
   * Unmounts {@code mount} once nothing maps files on it: the driver has closed the database,
   * but the JDK unmaps a file only when the garbage collector frees its mapped buffers.
   */
  private static void unmount(Path mount) throws InterruptedException {
    for (int attempt = 0; attempt < 20; attempt++) {
      System.gc();
      if (exec("umount", mount.toString()).ok()) {
        return;
      }
      Thread.sleep(100);
    }
    check("umount", mount.toString());
  }

  @Override
  public void close() {
    while (!undo.isEmpty()) {
      exec(undo.pop().toArray(String[]::new));
    }
  }

  private static void check(String... command) {
    Result result = exec(command);
    if (!result.ok()) {
      throw new IllegalStateException(String.join(" ", command) + " failed (" + result.exit()
          + "): " + result.output());
    }
  }

  private static Result exec(String... command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "timed out");
      }
      return new Result(p.exitValue(), out);
    } catch (IOException e) {
      return new Result(-1, e.toString());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Result(-1, e.toString());
    }
  }
}
