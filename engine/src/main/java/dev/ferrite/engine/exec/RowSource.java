package dev.ferrite.engine.exec;

/** A pull iterator over rows for one execution of a plan node. */
public interface RowSource {
  /** The next row, or null at the end. The caller must not keep a row it did not copy across calls. */
  Object[] next();

  /** Releases resources; called once, also after an error. */
  default void close() {
  }
}
