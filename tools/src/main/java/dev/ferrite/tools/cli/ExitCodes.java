package dev.ferrite.tools.cli;

/**
 * Exit statuses of every {@code ferrite} command. Usage errors get 64 (sysexits' EX_USAGE)
 * rather than picocli's default 2, so that 2 means one thing only: the database is damaged.
 */
public final class ExitCodes {
  /** The command did what was asked. */
  public static final int OK = 0;
  /** It failed: an SQL error, a missing file, a conversion error... (the message says which). */
  public static final int FAILURE = 1;
  /** {@code verify} (or an open) found the database corrupt, or the file is not a database. */
  public static final int CORRUPT = 2;
  /** The command line was wrong. */
  public static final int USAGE = 64;

  private ExitCodes() {}
}
