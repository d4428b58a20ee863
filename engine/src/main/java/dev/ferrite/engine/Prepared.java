package dev.ferrite.engine;

import java.util.List;

/**
 * A statement prepared by {@link Session#prepare}: immutable, safe to run many times with
 * different parameters, and shared through the plan cache. If the catalog changes before it
 * runs, {@link Session#execute} transparently prepares it again.
 */
public interface Prepared {
  /** The SQL text as given. */
  String sql();

  /** What the statement does. */
  StatementKind kind();

  /** Columns of the rows it returns; empty unless {@link #kind()} is QUERY. */
  List<ColumnMetadata> columns();

  /** Its {@code ?} parameters, in order. */
  List<ParameterMetadata> parameters();
}
