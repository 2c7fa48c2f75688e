package dev.wharf.server.store;

/** The few places where SQLite and PostgreSQL need different SQL. */
public enum SqlDialect {
  /** One writer at a time (writes are serialised), so no row locks are needed. */
  SQLITE(""),
  /** Several servers may claim at once: a locked candidate row is skipped, never waited for. */
  POSTGRESQL(" FOR UPDATE SKIP LOCKED");

  private final String claimSuffix;

  SqlDialect(String claimSuffix) {
    this.claimSuffix = claimSuffix;
  }

  /** The suffix of the {@code SELECT} that picks the next queued run to claim. */
  public String claimSuffix() {
    return claimSuffix;
  }

  static SqlDialect of(String jdbcUrl) {
    if (jdbcUrl.startsWith("jdbc:sqlite:")) {
      return SQLITE;
    }
    if (jdbcUrl.startsWith("jdbc:postgresql:")) {
      return POSTGRESQL;
    }
    throw new IllegalArgumentException(
        "unsupported database URL (use jdbc:sqlite:… or jdbc:postgresql:…): " + jdbcUrl);
  }
}
