package dev.ferrite.sqltests.differential;

/** A generated column and its constraints (a primary key column is also NOT NULL). */
record Column(String name, SqlType type, boolean primaryKey, boolean notNull, boolean unique) {
  String ddl() {
    return name + " " + type.ddl() + (primaryKey ? " PRIMARY KEY" : "") + (notNull && !primaryKey ? " NOT NULL" : "")
        + (unique ? " UNIQUE" : "");
  }

  boolean nullable() {
    return !primaryKey && !notNull;
  }
}
