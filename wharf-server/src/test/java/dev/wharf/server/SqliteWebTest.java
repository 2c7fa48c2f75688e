package dev.wharf.server;

/** The web UI scenarios on the default store: SQLite in the data directory. */
class SqliteWebTest extends WebScenarios {
  @Override
  String dbUrl() {
    return null;
  }
}
