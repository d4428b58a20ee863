/**
 * JMH benchmarks of the Ferrite storage engine against lmdbjava (LMDB through JNR-FFI) on the same
 * machine, in the same run, with the same keys and values.
 *
 * <ul>
 *   <li>{@link dev.ferrite.tools.bench.StorageVsLmdbBenchmark}: random get, range scan and the
 *       durable commit of one small put;
 *   <li>{@link dev.ferrite.tools.bench.BulkLoadBenchmark}: sorted and random-order loads of N
 *       entries in one transaction;
 *   <li>{@link dev.ferrite.tools.bench.CommitFloorBenchmark}: Ferrite's commit against the physical
 *       floor of one {@code pwrite} + {@code fdatasync}.
 * </ul>
 *
 * <p>Shared pieces: {@link dev.ferrite.tools.bench.BenchData} (keys, values, orders),
 * {@link dev.ferrite.tools.bench.BenchDirs} (where database files go),
 * {@link dev.ferrite.tools.bench.FerriteFixture} and {@link dev.ferrite.tools.bench.LmdbFixture}
 * (opening and loading each store the same way). How to build, run and read the results:
 * {@code docs/benchmarks.md}.
 */
package dev.ferrite.tools.bench;
