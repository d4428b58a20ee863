package dev.ferrite.sqltests.reliability;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A thread doing one piece of JDBC work that the test interrupts: the work's result, or the
 * exception it threw, is its outcome.
 */
final class InterruptedWorker {
  /** The work; it may wait for the interrupt with {@link #awaitInterruptSent}. */
  interface Work {
    Object run(InterruptedWorker self) throws Exception;
  }

  private final CompletableFuture<Object> outcome = new CompletableFuture<>();
  private final CountDownLatch started = new CountDownLatch(1);
  private volatile boolean interruptSent;
  private final Thread thread;

  private InterruptedWorker(Work work) {
    thread = new Thread(() -> {
      started.countDown();
      try {
        outcome.complete(work.run(this));
      } catch (Throwable e) {
        outcome.complete(e);
      }
    }, "interrupted-worker");
  }

  static InterruptedWorker start(Work work) {
    InterruptedWorker w = new InterruptedWorker(work);
    w.thread.start();
    return w;
  }

  /** Interrupts the thread {@code delayNanos} after its work began; returns when, as nanoTime. */
  long interruptAfter(long delayNanos) throws InterruptedException {
    started.await();
    LockSupport.parkNanos(delayNanos);
    long at = System.nanoTime();
    thread.interrupt();
    interruptSent = true;
    return at;
  }

  /**
   * Called by the work: waits until the interrupt was sent, without clearing the flag (as
   * {@code await()} would), so the work can then see whether the flag survived.
   */
  void awaitInterruptSent() {
    while (!interruptSent) {
      Thread.onSpinWait();
    }
  }

  /** The work's result or exception. */
  Object outcome(long timeoutMillis) throws Exception {
    return outcome.get(timeoutMillis, TimeUnit.MILLISECONDS);
  }
}
