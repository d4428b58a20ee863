package dev.ferrite.tools.shell;

import dev.ferrite.tools.cli.FerriteMain;
import dev.ferrite.tools.cli.Io;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.jline.terminal.Attributes.ControlChar;
import org.jline.terminal.Attributes.InputFlag;
import org.jline.terminal.Attributes.LocalFlag;
import org.jline.terminal.Attributes.OutputFlag;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.ExternalTerminal;

/**
 * {@code ferrite shell DB} on a JLine terminal whose keyboard is a pipe and whose screen is a
 * buffer, running in its own thread: the test types, waits for what the screen shows, types
 * again, as a person at the keyboard would. The terminal is JLine's {@link ExternalTerminal},
 * which runs the line discipline in Java: Ctrl-C becomes the INT signal JLine handles. (A pty,
 * which {@code TerminalBuilder.streams} would allocate, sends SIGINT to a foreground process
 * group that does not exist, and the key is lost.)
 */
final class TerminalSession implements AutoCloseable {
  private static final int WIDTH = 100;

  private final PipedOutputStream keyboard = new PipedOutputStream();
  private final ByteArrayOutputStream screen = new ByteArrayOutputStream();
  private final CompletableFuture<Integer> exit;

  TerminalSession(Path database, Path history) throws IOException {
    PipedInputStream keys = new PipedInputStream(keyboard, 1 << 16);
    Io io = new Io(new ByteArrayInputStream(new byte[0]),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(new ByteArrayOutputStream()),
        true, false,
        () -> new ExternalTerminal(null, "test", "xterm", keys, screen, StandardCharsets.UTF_8,
            Terminal.SignalHandler.SIG_DFL, false, tty(), new Size(WIDTH, 40)),
        history);
    exit = CompletableFuture.supplyAsync(
        () -> FerriteMain.commandLine(io).execute("shell", database.toString()));
  }

  /** What a real terminal is set to: Ctrl-C interrupts, Ctrl-D ends input, Enter is a newline. */
  private static Attributes tty() {
    Attributes tty = new Attributes();
    tty.setLocalFlags(EnumSet.of(LocalFlag.ISIG, LocalFlag.ICANON, LocalFlag.ECHO,
        LocalFlag.IEXTEN), true);
    tty.setInputFlag(InputFlag.ICRNL, true);
    tty.setOutputFlags(EnumSet.of(OutputFlag.OPOST, OutputFlag.ONLCR), true);
    tty.setControlChar(ControlChar.VINTR, 3);
    tty.setControlChar(ControlChar.VEOF, 4);
    tty.setControlChar(ControlChar.VERASE, 127);
    return tty;
  }

  /** Presses {@code keys} (text, {@code \r} for Enter, {@code \t} for Tab, control characters). */
  TerminalSession type(String keys) throws IOException {
    keyboard.write(keys.getBytes(StandardCharsets.UTF_8));
    keyboard.flush();
    return this;
  }

  /** Waits until the screen shows {@code text}. */
  TerminalSession await(String text) throws InterruptedException {
    return await(text, 1);
  }

  /** Waits until the screen shows {@code text} at least {@code times} times. */
  TerminalSession await(String text, int times) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (screen().split(Pattern.quote(text), -1).length - 1 < times) {
      if (System.nanoTime() > deadline || exit.isDone()) {
        throw new AssertionError("screen never showed <" + text + ">:\n" + screen());
      }
      Thread.sleep(20);
    }
    return this;
  }

  /** The screen as a person reads it (see {@link VirtualScreen}). */
  String screen() {
    String raw;
    synchronized (screen) {
      raw = screen.toString(StandardCharsets.UTF_8);
    }
    return VirtualScreen.render(raw, WIDTH);
  }

  /** Waits for the shell to end; returns its exit status. */
  int exitStatus() throws Exception {
    return exit.get(30, TimeUnit.SECONDS);
  }

  @Override
  public void close() throws IOException {
    keyboard.close();
  }
}
