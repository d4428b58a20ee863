/**
 * Scalar expressions: Calcite's {@code RexNode}s compiled once, at planning, into trees of
 * small {@link dev.ferrite.engine.expr.Expr} closures that are evaluated per row with no
 * reflection and no generated code.
 */
package dev.ferrite.engine.expr;
