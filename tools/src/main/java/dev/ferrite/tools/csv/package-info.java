/**
 * CSV import and export with Commons CSV: {@link dev.ferrite.tools.csv.CsvImport} reads a file
 * into a table (header mapping by name, conversion errors by line and column, optional table
 * creation, commits every N rows), {@link dev.ferrite.tools.csv.CsvExport} writes a query's rows.
 * Both use {@link dev.ferrite.tools.csv.CsvSettings}, so what one writes the other reads back,
 * NULL and empty strings kept apart.
 */
package dev.ferrite.tools.csv;
