package dev.ferrite.storage.durability;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import dev.ferrite.storage.nativeio.NativeIo;
import jdk.nio.mapmode.ExtendedMapMode;

/**
 * Finds where the persistence boundary of a directory lies (durability.md §8.1):
 * <ol>
 *   <li>Ask the kernel whether user-space flushing is allowed: map a scratch file beside the
 *       database with {@code MAP_SYNC}. Refused (EOPNOTSUPP, EINVAL, or a JDK without support)
 *       → {@link Durability#PAGE}: ordinary file systems, tmpfs, virtio-pmem, dm-crypt, RAID, NFS.
 *   <li>Allowed: ask the firmware whether flushing is needed. {@link Durability#FENCE} only if
 *       every libnvdimm region's {@code persistence_domain} is {@code cpu_cache}; otherwise (or
 *       when no region is visible) {@link Durability#DAX}.
 *   <li>Record the mount options as corroboration; they decide nothing ({@code dax=inode} is per
 *       file, and DAX is not the same as synchronous).
 * </ol>
 * The scratch file is probed rather than the database because a failed sync mapping still grows
 * the file it was tried on.
 */
public final class PersistenceProbe {
  /** Where libnvdimm lists its devices. */
  public static final Path ND_DEVICES = Path.of("/sys/bus/nd/devices");

  private PersistenceProbe() {}

  /** Probes the directory that holds (or will hold) a database file. */
  public static ProbeResult probe(Path directory) {
    String[] evidence = tryMapSync(directory);
    return decide("supported".equals(evidence[0]), evidence[0], persistenceDomains(ND_DEVICES),
        evidence[1], mountOf(directory));
  }

  /** The decision rule, separated from the platform for testing. */
  public static ProbeResult decide(boolean mapSync, String mapSyncEvidence, List<String> domains,
      String statxDax, String mount) {
    if (!mapSync) {
      return new ProbeResult(Durability.PAGE, false, mapSyncEvidence, domains, statxDax, mount,
          "MAP_SYNC is refused here, so only fdatasync reaches the persistence domain");
    }
    boolean eadr = !domains.isEmpty() && domains.stream().allMatch("cpu_cache"::equals);
    if (eadr) {
      return new ProbeResult(Durability.FENCE, true, mapSyncEvidence, domains, statxDax, mount,
          "MAP_SYNC works and every nd region keeps CPU caches powered (eADR): fences suffice");
    }
    return new ProbeResult(Durability.DAX, true, mapSyncEvidence, domains, statxDax, mount,
        "MAP_SYNC works but CPU caches are not in the power-fail domain: flush lines, then fence");
  }

  /**
   * Tries a MAP_SYNC mapping of a scratch file; returns "supported" or what went wrong, and the
   * scratch file's statx DAX attribute. statx is read only when MAP_SYNC works: it is evidence,
   * not a deciding input, and reading it loads the native-call library (a few hundred
   * milliseconds on a cold JVM) that an ordinary file system never needs.
   */
  static String[] tryMapSync(Path directory) {
    Path scratch = directory.resolve(".ferrite-probe-" + ProcessHandle.current().pid() + "-"
        + System.nanoTime());
    String dax = "(not checked: no MAP_SYNC)";
    try (RandomAccessFile file = new RandomAccessFile(scratch.toFile(), "rw")) {
      FileChannel channel = file.getChannel();
      channel.map(ExtendedMapMode.READ_WRITE_SYNC, 0, 4096);
      dax = NativeIo.statxDax(scratch);
      return new String[] {"supported", dax};
    } catch (UnsupportedOperationException e) {
      return new String[] {"not supported by this JDK/platform (" + e.getMessage() + ")", dax};
    } catch (IOException e) {
      return new String[] {"refused: " + e.getMessage(), dax};
    } finally {
      try {
        Files.deleteIfExists(scratch);
      } catch (IOException ignored) {
        // A leftover scratch file is harmless; it holds no data.
      }
    }
  }

  /** Reads {@code persistence_domain} of every {@code region*} under {@code devices}. */
  public static List<String> persistenceDomains(Path devices) {
    List<String> domains = new ArrayList<>();
    if (!Files.isDirectory(devices)) {
      return domains;
    }
    try (DirectoryStream<Path> regions = Files.newDirectoryStream(devices, "region*")) {
      List<Path> sorted = new ArrayList<>();
      regions.forEach(sorted::add);
      sorted.sort(null);
      for (Path region : sorted) {
        Path domain = region.resolve("persistence_domain");
        domains.add(Files.isReadable(domain)
            ? Files.readString(domain, StandardCharsets.US_ASCII).trim() : "(unreadable)");
      }
    } catch (IOException e) {
      domains.add("(error: " + e.getMessage() + ")");
    }
    return domains;
  }

  /** The file system type and options of the mount holding {@code directory}, from /proc/mounts. */
  static String mountOf(Path directory) {
    Path mounts = Path.of("/proc/mounts");
    if (!Files.isReadable(mounts)) {
      return "(unknown)";
    }
    try {
      String target = directory.toRealPath().toString();
      String best = "(unknown)";
      int bestLength = -1;
      for (String line : Files.readAllLines(mounts, StandardCharsets.UTF_8)) {
        String[] fields = line.split(" ");
        if (fields.length < 4) {
          continue;
        }
        String point = fields[1].replace("\\040", " ");
        boolean contains = target.equals(point) || target.startsWith(
            point.endsWith("/") ? point : point + "/");
        if (contains && point.length() > bestLength) {
          bestLength = point.length();
          best = fields[2] + " on " + point + " (" + fields[3] + ")";
        }
      }
      return best;
    } catch (IOException e) {
      return "(error: " + e.getMessage() + ")";
    }
  }
}
