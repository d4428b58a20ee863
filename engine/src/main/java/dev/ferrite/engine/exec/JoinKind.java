package dev.ferrite.engine.exec;

/** Join semantics supported by the join operators. SEMI and ANTI output only left columns. */
public enum JoinKind {
  INNER, LEFT, RIGHT, FULL, SEMI, ANTI;

  boolean outputsRight() {
    return this != SEMI && this != ANTI;
  }
}
