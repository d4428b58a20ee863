/**
 * SQL-level benchmarks through JDBC: Ferrite side by side with H2, SQLite (xerial) and HSQLDB on
 * the same data in the same run, so results are ratios against a peer measured at the same time.
 */
package dev.ferrite.tools.bench.sql;
