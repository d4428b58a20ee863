package dev.ferrite.storage.region;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import java.io.IOException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A private thread for the file operations that Java makes interruptible.
 *
 * <p>Why: a {@code FileChannel} is closed for every user when a thread blocked in one of its
 * operations is interrupted ({@code ClosedByInterruptException}). An application that interrupts
 * its own worker thread must not be able to close the database file under every other connection,
 * nor abandon a sync halfway. So {@code force}, {@code map}, locking and growth run here, on a
 * thread nobody else can interrupt, while the caller waits without reacting to interrupts (its
 * interrupt flag is restored afterwards). A commit is a unit: it completes or fails, never stops.
 */
final class IoThread implements AutoCloseable {
  /** A file operation that may throw {@link IOException}. */
  @FunctionalInterface
  interface IoCall<T> {
    T call() throws IOException;
  }

  private final ExecutorService executor;

  IoThread(String name) {
    executor = Executors.newSingleThreadExecutor(runnable -> {
      Thread thread = new Thread(runnable, name);
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Runs {@code call} on the I/O thread and waits for it, ignoring interrupts while waiting. */
  <T> T run(IoCall<T> call) throws IOException {
    Future<T> future = executor.submit(call::call);
    boolean interrupted = false;
    try {
      while (true) {
        try {
          return future.get();
        } catch (InterruptedException e) {
          interrupted = true;
        } catch (ExecutionException e) {
          Throwable cause = e.getCause();
          if (cause instanceof IOException) {
            throw (IOException) cause;
          }
          if (cause instanceof RuntimeException) {
            throw (RuntimeException) cause;
          }
          if (cause instanceof Error) {
            throw (Error) cause;
          }
          throw new StorageException(StorageErrorCode.IO_ERROR, "I/O thread failed", cause);
        }
      }
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public void close() {
    executor.shutdown();
  }
}
