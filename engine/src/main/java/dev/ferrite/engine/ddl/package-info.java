/**
 * DDL: CREATE/DROP TABLE, INDEX, VIEW and TRIGGER, ALTER TABLE ADD COLUMN, REINDEX. Each
 * statement changes the catalog records and storage trees inside the session's write
 * transaction (so DDL commits or rolls back with it) and installs a new in-memory catalog
 * version.
 */
package dev.ferrite.engine.ddl;
