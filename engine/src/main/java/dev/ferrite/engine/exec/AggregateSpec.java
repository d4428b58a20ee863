package dev.ferrite.engine.exec;

import dev.ferrite.engine.type.ColumnType;

/** One aggregate call: function, argument column (-1 for COUNT(*)), DISTINCT, FILTER column (-1 for none). */
public final class AggregateSpec {
  /** Supported aggregate functions. */
  public enum Function { COUNT, SUM, SUM0, AVG, MIN, MAX, SINGLE_VALUE, ANY_VALUE, BOOL_AND, BOOL_OR }

  final Function function;
  final int argument;
  final boolean distinct;
  final int filter;
  final ColumnType type;

  public AggregateSpec(Function function, int argument, boolean distinct, int filter, ColumnType type) {
    this.function = function;
    this.argument = argument;
    this.distinct = distinct;
    this.filter = filter;
    this.type = type;
  }

  @Override public String toString() {
    return function + "(" + (distinct ? "DISTINCT " : "") + (argument < 0 ? "*" : "$" + argument) + ")";
  }
}
