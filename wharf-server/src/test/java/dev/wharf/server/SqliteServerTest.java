package dev.wharf.server;

/** The API scenarios on the default store: SQLite in the data directory. */
class SqliteServerTest extends ServerScenarios {
  @Override
  String dbUrl() {
    return null;
  }
}
