package dev.ferrite.engine.catalog;

import dev.ferrite.engine.type.ColumnType;

/**
 * A table column. {@code defaultSql} is the DEFAULT expression as written (null when none);
 * {@code defaultValue} is its value, computed once at DDL time (defaults are constants).
 * An identity column takes the table's next sequence value when an INSERT gives it no value.
 */
public record ColumnDef(String name, ColumnType type, boolean nullable, String defaultSql,
    Object defaultValue, boolean identity) {
}
