/**
 * The SQL shell: {@link dev.ferrite.tools.shell.ShellSession} runs statements and
 * meta-commands on one connection and prints results ({@link
 * dev.ferrite.tools.shell.ResultTable}) and errors ({@link dev.ferrite.tools.shell.ErrorPrinter});
 * {@link dev.ferrite.tools.shell.StatementSplitter} cuts scripts into statements; {@link
 * dev.ferrite.tools.shell.Shell} is the interactive JLine front end with multi-line input,
 * history and completion.
 */
package dev.ferrite.tools.shell;
