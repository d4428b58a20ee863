/**
 * SQLite's sqllogictest suite (shipped in {@code net.hydromatic:sql-logic-test}) run against
 * Ferrite through {@code jdbc:ferrite:mem:}, as any user would: {@link
 * dev.ferrite.sqltests.SltRunner} runs files and counts every record, {@link
 * dev.ferrite.sqltests.SltMain} is the command-line entry with a progress bar and a report.
 */
package dev.ferrite.sqltests;
