package dev.ferrite.engine;

import dev.ferrite.engine.type.ColumnType;

/**
 * One column of a result: its label (what {@code AS} named it), the base column and table it
 * comes from when it is a plain column reference (else empty strings), its type and nullability.
 */
public record ColumnMetadata(String label, String columnName, String schemaName, String tableName,
    ColumnType type, boolean nullable, boolean autoIncrement) {
}
