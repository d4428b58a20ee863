/**
 * The {@code ferrite} command-line tools and the JMH benchmarks.
 *
 * <ul>
 *   <li>{@code cli}: the {@code ferrite} command and its subcommands;
 *   <li>{@code shell}: the SQL shell (interactive, scripts, result tables, errors);
 *   <li>{@code schema}: the schema from JDBC metadata, and DDL rebuilt from it;
 *   <li>{@code values}: SQL values to text and back;
 *   <li>{@code csv}: CSV import and export;
 *   <li>{@code backup}: consistent online copies;
 *   <li>{@code admin}: storage facts, integrity checks, commit cost;
 *   <li>{@code bench}: JMH benchmarks against lmdbjava ({@code docs/benchmarks.md}).
 * </ul>
 */
package dev.ferrite.tools;
