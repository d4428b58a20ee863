package dev.ferrite.tools.bench.workload;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Facts about the machine a run was taken on, read from /proc and the JVM, so a recorded figure
 * can be traced to its conditions: CPUs, CPU model, memory, kernel, Java, the file system under
 * the database directory (a tmpfs would make fsync free), load average, date and command.
 */
final class MachineFacts {
  private MachineFacts() {
  }

  /** Ordered name → value pairs. */
  static Map<String, String> collect(Path dir, String command) {
    Map<String, String> f = new LinkedHashMap<>();
    f.put("date", ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
    f.put("command", command);
    f.put("cpus (available to the JVM)", String.valueOf(Runtime.getRuntime().availableProcessors()));
    f.put("cpu model", firstValue(Path.of("/proc/cpuinfo"), "model name"));
    f.put("memory", firstValue(Path.of("/proc/meminfo"), "MemTotal"));
    f.put("kernel", read(Path.of("/proc/sys/kernel/osrelease")));
    f.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version")
        + ", max heap " + Runtime.getRuntime().maxMemory() / (1 << 20) + " MiB");
    f.put("database directory", dir.toAbsolutePath() + " on " + mountOf(dir.toAbsolutePath()));
    f.put("load average", read(Path.of("/proc/loadavg")));
    return f;
  }

  private static String read(Path p) {
    try {
      return Files.readString(p).trim();
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  private static String firstValue(Path p, String key) {
    try {
      for (String line : Files.readAllLines(p)) {
        if (line.startsWith(key)) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return "unknown";
  }

  /** "device type (options)" of the longest mount point containing {@code dir}, from /proc/mounts. */
  static String mountOf(Path dir) {
    String best = null;
    int bestLength = -1;
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/mounts"));
      for (String line : lines) {
        String[] f = line.split(" ");
        if (f.length >= 4 && dir.startsWith(Path.of(f[1])) && f[1].length() > bestLength) {
          bestLength = f[1].length();
          best = f[0] + " " + f[2] + " mounted on " + f[1] + " (" + f[3] + ")";
        }
      }
    } catch (IOException e) {
      return "unknown (" + e.getMessage() + ")";
    }
    return best == null ? "unknown" : best;
  }
}
