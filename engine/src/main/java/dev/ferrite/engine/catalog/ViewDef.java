package dev.ferrite.engine.catalog;

import java.util.List;

/** A view: its query as written, expanded at validation, and optional column names. */
public record ViewDef(String name, String sql, List<String> columnNames) {
}
