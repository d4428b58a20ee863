/**
 * Reliability tests through JDBC on real database files: SIGKILLed JVMs and recovery
 * ({@link dev.ferrite.sqltests.reliability.KilledJvmTest}), readers and writers keeping
 * invariants ({@link dev.ferrite.sqltests.reliability.ConcurrentInvariantsTest}), interrupts,
 * cancels and timeouts ({@link dev.ferrite.sqltests.reliability.InterruptTest},
 * {@link dev.ferrite.sqltests.reliability.CancelTimeoutTest}) and a 64 MiB heap
 * ({@link dev.ferrite.sqltests.reliability.SmallHeapTest}). Child JVMs run the {@code *Main}
 * classes of this package from the test class path.
 *
 * <p>Long modes: {@code -Dferrite.kills=2000} (killed JVMs) and
 * {@code -Dferrite.concurrency.seconds=600} (readers and writers).
 */
package dev.ferrite.sqltests.reliability;
