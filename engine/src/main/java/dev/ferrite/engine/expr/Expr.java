package dev.ferrite.engine.expr;

import dev.ferrite.engine.exec.ExecContext;

/** A compiled scalar expression over a row; returns an engine value or null. */
@FunctionalInterface
public interface Expr {
  Object eval(Object[] row, ExecContext ctx);
}
