package dev.ferrite.tools.shell;

/**
 * One unit of a script: an SQL statement (without its terminating {@code ;}) or a
 * meta-command line such as {@code \d orders}.
 *
 * @param meta whether it is a meta-command
 * @param text the statement or command, starting at its first significant character
 * @param line 1-based line in the script where {@code text} starts
 * @param column 1-based column of that first character
 */
public record ScriptItem(boolean meta, String text, int line, int column) {}
