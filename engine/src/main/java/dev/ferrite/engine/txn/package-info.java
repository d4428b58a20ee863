/**
 * Engine transactions over the store: a snapshot taken at the first statement, upgraded to the
 * single write transaction at the first write (checking nobody committed in between), an undo
 * log for statement atomicity and savepoints, and reference-counted snapshots so open cursors
 * outlive a READ COMMITTED snapshot switch.
 */
package dev.ferrite.engine.txn;
