package dev.ferrite.tools.bench.workload;

/**
 * An extra part of the report measured outside the workload loop (cold start, commit latency
 * per backend): a title, a sentence on what was measured and how, and its table (may be null).
 */
record Section(String title, String intro, Table table) {
}
