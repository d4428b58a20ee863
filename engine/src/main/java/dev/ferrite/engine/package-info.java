/**
 * The SQL engine: sessions, catalog, Calcite-based planning and physical operators over
 * {@code dev.ferrite.storage}. Not written yet (issue 4); this module only fixes its place
 * in the dependency order storage-pmem &larr; engine &larr; jdbc-driver &larr; tools.
 */
package dev.ferrite.engine;
