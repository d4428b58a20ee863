/**
 * The schema as the JDBC driver describes it ({@code DatabaseMetaData}): {@link
 * dev.ferrite.tools.schema.SchemaReader} reads tables, views, columns, primary keys and indexes
 * into small records, and {@link dev.ferrite.tools.schema.Ddl} writes them back as
 * {@code CREATE} statements. The shell's {@code \d}, backup, import and verify share it.
 */
package dev.ferrite.tools.schema;
