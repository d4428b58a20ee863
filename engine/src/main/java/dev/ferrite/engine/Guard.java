package dev.ferrite.engine;

import dev.ferrite.engine.txn.Storage;
import dev.ferrite.storage.StorageException;

/** The engine's outermost error boundary: whatever escapes becomes an EngineException with a SQLSTATE. */
final class Guard {
  private Guard() {
  }

  /** Runs engine work, turning stray exceptions into EngineExceptions with a SQLSTATE. */
  static <T> T run(java.util.function.Supplier<T> work) {
    try {
      return work.get();
    } catch (EngineException e) {
      throw e;
    } catch (StorageException e) {
      throw Storage.translate(e);
    } catch (StackOverflowError e) {
      throw new EngineException(SqlStates.LIMIT_EXCEEDED, "statement too deeply nested", e);
    } catch (OutOfMemoryError e) {
      throw new EngineException(SqlStates.OUT_OF_MEMORY, "out of memory running the statement (give the JVM a larger -Xmx"
          + " or make the query use less: fewer groups, a LIMIT, an index for the ORDER BY)", e);
    } catch (RuntimeException | AssertionError e) {
      // AssertionError: Calcite checks its own invariants with assert; a failed one is our bug
      // or Calcite's, never the application's, and must reach it as an SQLException.
      throw new EngineException(SqlStates.INTERNAL_ERROR, "internal error: " + e, e);
    }
  }
}
