/**
 * The {@code ferrite} command-line tools. The shell and admin commands come with issue 7; the
 * JMH benchmarks live in {@code dev.ferrite.tools.bench}.
 */
package dev.ferrite.tools;
