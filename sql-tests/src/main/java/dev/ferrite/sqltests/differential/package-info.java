/**
 * Differential SQL testing in the manner of SQLancer: random schemas, data and queries
 * ({@link dev.ferrite.sqltests.differential.QueryGenerator}) checked by three oracles: the same
 * query on H2 ({@code DifferentialCheck}), ternary logic partitioning ({@code TlpCheck}) and
 * non-optimizing reference engine construction ({@code NoRecCheck}). A {@link
 * dev.ferrite.sqltests.differential.Campaign} runs them from a seed, one database per task
 * ({@code DatabaseRun}) on worker threads, reduces failing cases ({@code Reducer}) and
 * deduplicates findings by signature; {@link dev.ferrite.sqltests.differential.DifferentialMain}
 * is the long mode. See docs/differential-testing.md.
 */
package dev.ferrite.sqltests.differential;
