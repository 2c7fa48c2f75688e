package dev.wharf.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/** The web UI scenarios on a real PostgreSQL started for this class. */
@Tag("postgres")
class PostgresWebIT extends WebScenarios {
  private static PostgresHarness postgres;

  @BeforeAll
  static void startPostgres() throws Exception {
    postgres = PostgresHarness.start();
  }

  @AfterAll
  static void stopPostgres() throws Exception {
    if (postgres != null) {
      postgres.close();
    }
  }

  @Override
  String dbUrl() throws Exception {
    return postgres.newDatabase();
  }
}
