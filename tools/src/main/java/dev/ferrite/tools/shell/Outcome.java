package dev.ferrite.tools.shell;

/** How running a statement, meta-command or script ended. */
public enum Outcome {
  /** It worked; go on. */
  OK,
  /** It failed and the error was printed; a script stops here. */
  ERROR,
  /** {@code \q}: leave the shell. */
  QUIT
}
