/**
 * The {@code ferrite} command line: {@link dev.ferrite.tools.cli.FerriteMain} and one picocli
 * command per task (shell, info, verify, backup, import, export, probe). Commands reach
 * databases through the JDBC driver ({@link dev.ferrite.tools.cli.Jdbc}); info, verify and
 * probe also use the storage layer directly. All output goes through an {@link
 * dev.ferrite.tools.cli.Io}, so tests run the real command line in-process. Usage and exit
 * statuses: {@code docs/tools.md}.
 */
package dev.ferrite.tools.cli;
