/**
 * Ferrite's SQL engine: the public API used by the JDBC driver and the tools.
 *
 * <p>{@link dev.ferrite.engine.Database} opens a database file (or a named in-memory database);
 * a {@link dev.ferrite.engine.Session} runs statements in transactions over it. Calcite parses,
 * validates and plans; everything that runs (operators, transactions, the catalog) is ours.
 * See {@code docs/architecture.md} for the life of a statement.
 */
package dev.ferrite.engine;
