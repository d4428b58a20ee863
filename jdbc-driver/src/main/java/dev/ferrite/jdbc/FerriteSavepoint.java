package dev.ferrite.jdbc;

import java.sql.SQLException;
import java.sql.Savepoint;

/**
 * A savepoint of one connection. Unnamed savepoints get an id and a generated engine name
 * ({@code FERRITE_SAVEPOINT_<id>}); named ones keep the caller's name, used verbatim.
 */
final class FerriteSavepoint implements Savepoint {
  private final FerriteConnection owner;
  private final int id;
  private final String name;

  FerriteSavepoint(FerriteConnection owner, int id, String name) {
    this.owner = owner;
    this.id = id;
    this.name = name;
  }

  FerriteConnection owner() {
    return owner;
  }

  /** The name the engine knows it by. */
  String engineName() {
    return name != null ? name : "FERRITE_SAVEPOINT_" + id;
  }

  @Override
  public int getSavepointId() throws SQLException {
    if (name != null) {
      throw new SQLException("a named savepoint has no id", SqlExceptions.SEQUENCE_ERROR);
    }
    return id;
  }

  @Override
  public String getSavepointName() throws SQLException {
    if (name == null) {
      throw new SQLException("an unnamed savepoint has no name", SqlExceptions.SEQUENCE_ERROR);
    }
    return name;
  }

  @Override
  public String toString() {
    return engineName();
  }
}
