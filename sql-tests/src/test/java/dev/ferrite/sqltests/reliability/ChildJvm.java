package dev.ferrite.sqltests.reliability;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class of the test class path: its standard output is read line by
 * line on a daemon thread (so it never blocks on a full pipe), its standard error goes to a file
 * shown when something goes wrong, and its standard input carries commands.
 */
final class ChildJvm {
  /** Marks the end of the child's output in the line queue. */
  private static final String END = new String("end of output");

  private final Process process;
  private final Path stderr;
  private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();

  private ChildJvm(Process process, Path stderr) {
    this.process = process;
    this.stderr = stderr;
    Thread reader = new Thread(this::readOutput, "child-stdout-" + process.pid());
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code main} with the JVM options (e.g. {@code -Xmx64m}) and program arguments. */
  static ChildJvm start(Class<?> main, List<String> jvmOptions, Path stderr, String... args)
      throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvmOptions);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).redirectError(stderr.toFile()).start();
    return new ChildJvm(p, stderr);
  }

  private void readOutput() {
    try (BufferedReader in = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(line);
      }
    } catch (IOException e) {
      // The pipe breaks when the child is killed; what it printed before is already queued.
    } finally {
      lines.add(END);
    }
  }

  /**
   * Waits for the next output line starting with {@code prefix}, skipping others (log lines).
   *
   * @throws AssertionError if the child ends or the time runs out first, with its error output
   */
  String awaitLine(String prefix, Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      String line = lines.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (line == null || line == END) {
        throw new AssertionError((line == null ? "timed out" : "child ended") + " waiting for '"
            + prefix + "'" + diagnostics());
      }
      if (line.startsWith(prefix)) {
        return line;
      }
    }
  }

  /** Sends one line to the child's standard input. */
  void send(String line) throws IOException {
    OutputStream in = process.getOutputStream();
    in.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  boolean isAlive() {
    return process.isAlive();
  }

  /** SIGKILL on Linux: no shutdown hook, no finally block, no close runs in the child. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      throw new AssertionError("killed child " + process.pid() + " did not end");
    }
  }

  /** Waits for the child to exit by itself and returns its exit code. */
  int awaitExit(Duration timeout) throws InterruptedException {
    if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("child did not exit within " + timeout + diagnostics());
    }
    return process.exitValue();
  }

  /** The child's exit state and the end of its error output, to append to a failure message. */
  String diagnostics() {
    String err;
    try {
      err = Files.readString(stderr);
    } catch (IOException e) {
      err = "(cannot read " + stderr + ": " + e + ")";
    }
    String state = process.isAlive() ? "running" : "exit code " + process.exitValue();
    return "; child " + process.pid() + " " + state + ", stderr:\n"
        + err.substring(Math.max(0, err.length() - 6000));
  }
}
