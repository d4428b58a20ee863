package dev.ferrite.tools.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged {@code ferrite.jar} in a real terminal: tmux runs {@code java -jar ferrite.jar
 * shell DB}, the test types with send-keys and reads the screen with capture-pane. Runs after
 * {@code package} (failsafe); skipped where tmux is not installed. Uses a tmux server of its
 * own (its own socket), so it never touches anyone else's sessions.
 */
class ShellTmuxIT {
  private static final Path JAR = Path.of("target", "ferrite.jar").toAbsolutePath();

  private final String socket = "ferrite-it-" + ProcessHandle.current().pid();

  @TempDir
  Path dir;

  @AfterEach
  void killServer() throws Exception {
    run(List.of("tmux", "-L", socket, "kill-server"));
  }

  @Test
  void createInsertSelectAndDescribeInARealTerminal() throws Exception {
    assumeTrue(run(List.of("tmux", "-V")) == 0, "tmux is not installed");
    assumeTrue(Files.isRegularFile(JAR), "ferrite.jar is not built (mvn package)");
    String java = ProcessHandle.current().info().command().orElse("java");
    // user.home, not $HOME, is where Java (and so the history file) looks.
    String command = "cd '" + dir + "' && '" + java + "' -Duser.home='" + dir + "' -jar '" + JAR
        + "' shell test.db";
    assertEquals(0, tmux("new-session", "-d", "-s", "it", "-x", "120", "-y", "50", command));
    awaitScreen("test.db>");
    typeLine("CREATE TABLE fruit (id INTEGER PRIMARY KEY, name VARCHAR(20), price DECIMAL(6,2));");
    awaitScreen("CREATE TABLE");
    typeLine("INSERT INTO fruit VALUES (1, 'apple', 1.5), (2, 'banana', NULL), (3, 'cherry', 12.25);");
    awaitScreen("INSERT 3");
    typeLine("SELECT * FROM fruit ORDER BY id;");
    awaitScreen("(3 rows)");
    typeLine("\\d");
    String screen = awaitScreen("(1 row)");
    assertTrue(screen.contains("""
         ID | NAME   | PRICE
        ----+--------+-------
          1 | apple  |  1.50
          2 | banana |  NULL
          3 | cherry | 12.25
        (3 rows)
        """), screen);
    assertTrue(screen.contains("""
         Name  | Type
        -------+-------
         FRUIT | table
        (1 row)
        """), screen);
    typeLine("\\q");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (tmux("has-session", "-t", "it") == 0) {
      assertTrue(System.nanoTime() < deadline, "the shell did not exit on \\q");
      Thread.sleep(100);
    }
    assertTrue(Files.readString(dir.resolve(".ferrite_history")).contains("SELECT * FROM fruit"));
  }

  /** Types {@code text} and Enter. A trailing ';' is escaped: tmux reads it as a separator. */
  private void typeLine(String text) throws Exception {
    String keys = text.endsWith(";") ? text.substring(0, text.length() - 1) + "\\;" : text;
    assertEquals(0, tmux("send-keys", "-t", "it", "-l", keys));
    assertEquals(0, tmux("send-keys", "-t", "it", "Enter"));
  }

  private String awaitScreen(String text) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      Path capture = dir.resolve("screen.txt");
      tmuxTo(capture, "capture-pane", "-p", "-t", "it", "-S", "-200");
      String screen = Files.readString(capture, StandardCharsets.UTF_8);
      if (screen.contains(text)) {
        return screen;
      }
      assertTrue(System.nanoTime() < deadline, "screen never showed <" + text + ">:\n" + screen);
      Thread.sleep(100);
    }
  }

  private int tmux(String... arguments) throws Exception {
    return tmuxTo(null, arguments);
  }

  private int tmuxTo(Path output, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("tmux", "-L", socket));
    command.addAll(List.of(arguments));
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
    builder.redirectOutput(output == null ? ProcessBuilder.Redirect.DISCARD
        : ProcessBuilder.Redirect.to(output.toFile()));
    return waitFor(builder.start());
  }

  private static int run(List<String> command) throws IOException, InterruptedException {
    try {
      return waitFor(new ProcessBuilder(command).redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.DISCARD).start());
    } catch (IOException e) {
      return -1;
    }
  }

  private static int waitFor(Process process) throws InterruptedException {
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }
}
