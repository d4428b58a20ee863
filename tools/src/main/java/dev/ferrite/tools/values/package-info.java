/**
 * Conversion between SQL values as JDBC returns them and text: {@link
 * dev.ferrite.tools.values.ValueText} renders values for the shell's tables and for CSV export,
 * {@link dev.ferrite.tools.values.ValueParser} reads CSV text back into the Java values a column
 * takes. The two agree, so an exported file imports unchanged.
 */
package dev.ferrite.tools.values;
