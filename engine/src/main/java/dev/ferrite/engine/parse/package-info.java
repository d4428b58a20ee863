/**
 * Parse trees for Ferrite's additions to Calcite's grammar (DDL, short EXPLAIN, transaction
 * control) and the entry point {@link dev.ferrite.engine.parse.SqlParsing} that configures the
 * generated parser. The parser itself lives in {@code impl}, generated at build time from
 * Calcite's {@code Parser.jj} template and {@code src/main/codegen/includes/parserImpls.ftl}.
 */
package dev.ferrite.engine.parse;
