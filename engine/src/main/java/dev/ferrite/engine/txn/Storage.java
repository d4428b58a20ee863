package dev.ferrite.engine.txn;

import dev.ferrite.engine.EngineException;
import dev.ferrite.engine.SqlStates;
import dev.ferrite.storage.StorageCorruptionException;
import dev.ferrite.storage.StorageException;
import java.util.function.Supplier;

/** The one place storage errors become engine errors with SQLSTATEs. */
public final class Storage {
  private Storage() {
  }

  /** Runs a storage call, translating its exceptions. */
  public static <T> T call(Supplier<T> call) {
    try {
      return call.get();
    } catch (StorageException e) {
      throw translate(e);
    }
  }

  /** Runs a storage action, translating its exceptions. */
  public static void run(Runnable action) {
    try {
      action.run();
    } catch (StorageException e) {
      throw translate(e);
    }
  }

  /** Maps a storage error code to a SQLSTATE. */
  public static EngineException translate(StorageException e) {
    if (e instanceof StorageCorruptionException) {
      return new EngineException(SqlStates.DATA_CORRUPTED, "database file is corrupt: " + e.getMessage(), e);
    }
    String state;
    switch (e.code()) {
      case BUSY:
        state = SqlStates.SERIALIZATION_FAILURE;
        break;
      case NOT_A_DATABASE:
      case LOCKED:
        state = SqlStates.CANNOT_CONNECT;
        break;
      case CORRUPT:
        state = SqlStates.DATA_CORRUPTED;
        break;
      case CLOSED:
        state = SqlStates.CONNECTION_FAILURE;
        break;
      case INTERRUPTED:
        state = SqlStates.QUERY_CANCELED;
        break;
      case IO_ERROR:
      case PANIC:
        state = SqlStates.IO_ERROR;
        break;
      default:
        state = SqlStates.INTERNAL_ERROR;
    }
    return new EngineException(state, e.getMessage(), e);
  }
}
