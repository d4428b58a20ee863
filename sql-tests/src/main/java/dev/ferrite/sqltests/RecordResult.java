package dev.ferrite.sqltests;

/**
 * The outcome of one record: {@code id} is "file#N" where N counts the file's records from 1,
 * {@code sql} the statement or query, {@code detail} the error or mismatch.
 */
record RecordResult(String id, boolean query, Outcome outcome, String sql, String detail) {
}
