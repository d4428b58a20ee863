/**
 * The catalog: immutable definitions of tables, columns, indexes, views and triggers, one {@link
 * dev.ferrite.engine.catalog.Catalog} per catalog version, stored in the system tree
 * {@code sys.catalog} of the same MVCC store as the data, so DDL commits (or rolls back) with
 * the transaction that ran it.
 */
package dev.ferrite.engine.catalog;
