/**
 * Tables over storage trees: {@link dev.ferrite.engine.table.TableCodec} (row and key bytes for
 * one table definition) and {@link dev.ferrite.engine.table.TableWriter} (insert, update,
 * delete with NOT NULL, PRIMARY KEY and UNIQUE enforced and every index kept in step).
 */
package dev.ferrite.engine.table;
