/**
 * Parse trees for Ferrite's additions to Calcite's grammar (DDL including triggers and REINDEX,
 * SQLite's INSERT OR REPLACE / IGNORE, short EXPLAIN, transaction control). The parser is
 * configured by {@code plan.SqlPlanner.PARSER_CONFIG}; it lives in {@code impl}, generated at
 * build time from Calcite's {@code Parser.jj} template and
 * {@code src/main/codegen/includes/parserImpls.ftl}.
 */
package dev.ferrite.engine.parse;
