package dev.ferrite.tools.cli;

import java.io.PrintStream;
import java.util.concurrent.TimeUnit;

/**
 * A progress line on stderr, redrawn in place ({@code \r} and erase-to-end-of-line), only when
 * stderr is a terminal: redirected output and logs never get control characters. Either a bar
 * ({@code total > 0}, fed by {@link #update}) or, for work that reports nothing until it ends,
 * a spinner with the elapsed time, redrawn by a daemon thread ({@link #spinner}).
 */
public final class Progress implements AutoCloseable {
  private static final long REDRAW_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
  private static final int BAR_WIDTH = 30;
  private static final String SPIN = "|/-\\";

  private final PrintStream err;
  private final boolean enabled;
  private final String label;
  private long total;
  private final long started = System.nanoTime();
  private long lastDraw;
  private long done;
  private String detail = "";
  private int frame;
  private boolean closed;
  private Thread ticker;

  private Progress(Io io, String label, long total) {
    this.err = io.err();
    this.enabled = io.stderrIsTerminal();
    this.label = label;
    this.total = total;
  }

  /** A bar for {@code total} units of work (0 or less: a count without a bar). */
  public static Progress bar(Io io, String label, long total) {
    return new Progress(io, label, total);
  }

  /** A spinner that shows the work is alive while one long call runs. */
  public static Progress spinner(Io io, String label) {
    Progress p = new Progress(io, label, 0);
    if (p.enabled) {
      p.ticker = new Thread(p::tick, "ferrite-progress");
      p.ticker.setDaemon(true);
      p.ticker.start();
    }
    return p;
  }

  private void tick() {
    try {
      while (true) {
        synchronized (this) {
          if (closed) {
            return;
          }
          draw();
        }
        Thread.sleep(250);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Sets the amount of work, once it is known. */
  public synchronized void total(long total) {
    this.total = total;
  }

  /** Records progress; redraws at most ten times a second. */
  public synchronized void update(long done, String detail) {
    this.done = done;
    this.detail = detail;
    long now = System.nanoTime();
    if (enabled && now - lastDraw >= REDRAW_NANOS) {
      lastDraw = now;
      draw();
    }
  }

  private void draw() {
    StringBuilder line = new StringBuilder("\r").append(label).append(' ');
    if (total > 0) {
      int filled = (int) Math.min(BAR_WIDTH, done * BAR_WIDTH / total);
      line.append('[').append("=".repeat(filled)).append(" ".repeat(BAR_WIDTH - filled))
          .append("] ").append(String.format("%3d%%", Math.min(100, done * 100 / total)));
    } else if (ticker != null) {
      line.append(SPIN.charAt(frame++ % SPIN.length())).append(String.format(" %.1f s",
          (System.nanoTime() - started) / 1e9));
    }
    if (!detail.isEmpty()) {
      line.append("  ").append(detail);
    }
    err.print(line.append("\u001b[K"));
    err.flush();
  }

  /** Erases the line, leaving the terminal as it was. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (enabled) {
        err.print("\r\u001b[K");
        err.flush();
      }
    }
    if (ticker != null) {
      ticker.interrupt();
    }
  }
}
