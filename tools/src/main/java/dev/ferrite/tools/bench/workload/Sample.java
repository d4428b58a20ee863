package dev.ferrite.tools.bench.workload;

/**
 * One measurement as recorded: repetition number (0-based, warm-ups first), whether it was a
 * discarded warm-up, the workload, the engine and the figure.
 */
public record Sample(int rep, boolean warmup, Workload workload, Engine engine, Measurement measurement) {
}
