/**
 * SQL conformance runs (sqllogictest) through the JDBC driver. Not written yet (issue 6).
 */
package dev.ferrite.sqltests;
