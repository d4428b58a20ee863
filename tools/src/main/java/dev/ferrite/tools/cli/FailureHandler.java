package dev.ferrite.tools.cli;

import dev.ferrite.storage.StorageErrorCode;
import dev.ferrite.storage.StorageException;
import dev.ferrite.tools.shell.ErrorPrinter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.sql.SQLException;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns whatever a command throws into one line on stderr and an exit status: SQL errors as
 * {@code ERROR [SQLSTATE]: message}, storage errors with their code, files by name. Stack
 * traces only with {@code --debug}: a user who gave a wrong file name should not get one.
 */
final class FailureHandler implements IExecutionExceptionHandler {
  private final Io io;
  private final FerriteMain main;

  FailureHandler(Io io, FerriteMain main) {
    this.io = io;
    this.main = main;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine command, ParseResult parsed) {
    Throwable failure = e instanceof UncheckedIOException unchecked ? unchecked.getCause() : e;
    io.err().println(describe(failure));
    if (main.debug()) {
      failure.printStackTrace(io.err());
    }
    io.err().flush();
    return exitCode(failure);
  }

  static String describe(Throwable e) {
    if (e instanceof CommandFailure) {
      return "ERROR: " + e.getMessage();
    }
    if (e instanceof SQLException sql) {
      return ErrorPrinter.headline(sql);
    }
    if (e instanceof StorageException storage) {
      return "ERROR [" + storage.code() + "]: " + storage.getMessage();
    }
    if (e instanceof NoSuchFileException) {
      return "ERROR: no such file: " + e.getMessage();
    }
    if (e instanceof AccessDeniedException) {
      return "ERROR: permission denied: " + e.getMessage();
    }
    if (e instanceof IOException) {
      return "ERROR: " + e.getMessage();
    }
    return "ERROR: internal error: " + e + " (--debug shows where)";
  }

  static int exitCode(Throwable e) {
    if (e instanceof CommandFailure failure) {
      return failure.exitCode();
    }
    if (e instanceof StorageException storage && (storage.code() == StorageErrorCode.CORRUPT
        || storage.code() == StorageErrorCode.NOT_A_DATABASE)) {
      return ExitCodes.CORRUPT;
    }
    return ExitCodes.FAILURE;
  }
}
