package dev.ferrite.engine;

import dev.ferrite.engine.type.ColumnType;

/** The type the planner inferred for one {@code ?} parameter. */
public record ParameterMetadata(ColumnType type, boolean nullable) {
}
