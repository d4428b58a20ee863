package dev.ferrite.sqltests.differential;

import java.util.concurrent.atomic.AtomicLong;

/** The two databases under comparison, each opened in memory under a name no other database uses. */
enum Engine {
  FERRITE("jdbc:ferrite:mem:"),
  H2("jdbc:h2:mem:");

  private static final AtomicLong NAMES = new AtomicLong();
  private final String prefix;

  Engine(String prefix) {
    this.prefix = prefix;
  }

  /** A fresh in-memory database: dropped when its last connection closes. */
  String freshUrl() {
    return prefix + "differential-" + NAMES.incrementAndGet();
  }
}
