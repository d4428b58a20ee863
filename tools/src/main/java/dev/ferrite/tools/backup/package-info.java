/**
 * Online backup through JDBC: {@link dev.ferrite.tools.backup.Backup} copies every table of one
 * snapshot of a database into a new database (schema rebuilt from metadata, rows in batches),
 * while other connections go on writing.
 */
package dev.ferrite.tools.backup;
