package dev.ferrite.engine.exec;

import dev.ferrite.engine.type.ColumnType;

/** One aggregate call: function, argument column (-1 for COUNT(*)), DISTINCT, FILTER column (-1 for none). */
public final class AggregateSpec {
  /** Supported aggregate functions. */
  public enum Function { COUNT, SUM, SUM0, AVG, MIN, MAX, SINGLE_VALUE, ANY_VALUE, BOOL_AND, BOOL_OR, LITERAL }

  final Function function;
  final int argument;
  final boolean distinct;
  final int filter;
  final ColumnType type;
  /** The constant a LITERAL aggregate returns for every group (the decorrelator's marker). */
  final Object literal;

  public AggregateSpec(Function function, int argument, boolean distinct, int filter, ColumnType type,
      Object literal) {
    this.function = function;
    this.argument = argument;
    this.distinct = distinct;
    this.filter = filter;
    this.type = type;
    this.literal = literal;
  }

  @Override public String toString() {
    return function + "(" + (distinct ? "DISTINCT " : "") + (argument < 0 ? "*" : "$" + argument) + ")";
  }
}
