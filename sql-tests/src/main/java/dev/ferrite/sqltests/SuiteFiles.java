package dev.ferrite.sqltests;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarFile;
import net.hydromatic.sqllogictest.SltTestFile;

/** The test files inside the sql-logic-test jar. */
final class SuiteFiles {
  private SuiteFiles() {
  }

  /** All files whose path starts with one of {@code prefixes} ("all" or nothing: every file), sorted. */
  static List<String> select(List<String> prefixes) throws IOException {
    List<String> all = new ArrayList<>();
    Path jar;
    try {
      jar = Path.of(SltTestFile.class.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IOException(e);
    }
    try (JarFile f = new JarFile(jar.toFile())) {
      f.stream().map(e -> e.getName()).filter(n -> n.startsWith("test/") && n.endsWith(".test")).forEach(all::add);
    }
    Collections.sort(all);
    if (prefixes.isEmpty() || prefixes.contains("all")) {
      return all;
    }
    List<String> out = new ArrayList<>();
    for (String name : all) {
      for (String p : prefixes) {
        String prefix = p.startsWith("test/") ? p : "test/" + p;
        if (name.equals(prefix) || name.startsWith(prefix.endsWith("/") ? prefix : prefix + "/")) {
          out.add(name);
          break;
        }
      }
    }
    return out;
  }
}
