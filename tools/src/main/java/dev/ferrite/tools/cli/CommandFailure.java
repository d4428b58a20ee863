package dev.ferrite.tools.cli;

/**
 * A failure a command has already put into words for its user: printed as
 * {@code ERROR: message} (no stack trace) and ending the command with {@link #exitCode()}.
 */
public class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int exitCode;

  /** A failure with exit status {@link ExitCodes#FAILURE}. */
  public CommandFailure(String message) {
    this(message, ExitCodes.FAILURE, null);
  }

  /** A failure with its own exit status and the exception behind it (kept for --debug). */
  public CommandFailure(String message, int exitCode, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  /** The exit status the command ends with. */
  public int exitCode() {
    return exitCode;
  }
}
