package dev.ferrite.tools.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.ParentCommand;

/**
 * What every subcommand shares: it runs under {@link FerriteMain}, which gives it the
 * {@link Io} to talk through, and returns its exit status.
 */
abstract class Subcommand implements Callable<Integer> {
  @ParentCommand
  private FerriteMain main;

  /** The streams and terminal of this run. */
  Io io() {
    return main.io();
  }
}
