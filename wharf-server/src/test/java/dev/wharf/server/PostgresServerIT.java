package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.server.auth.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API scenarios on a real PostgreSQL started for this class; no PostgreSQL is a failure. */
@Tag("postgres")
class PostgresServerIT extends ServerScenarios {
  private static PostgresHarness postgres;

  @TempDir Path otherDataDir;

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

  @Test
  void twoServers_withoutASharedDisk_shareUploadsAndLogsThroughTheDatabase() throws Exception {
    Path key = dataDir.resolve("shared.key");
    ServerConfig first = config(1, "agent-a").withKeyFile(key);
    ServerConfig second = first.withDataDir(otherDataDir).withAgent(0, null);
    WharfServer a = start(first);
    WharfServer b = start(second);
    ServerClient viaB = client(b, second, Role.run);
    Path archive = Files.write(otherDataDir.resolve("context.tar.gz"), new byte[777]);

    Run run = viaB.queue(RunType.QuickRun, archive, RunSpec.inline("lines=3 delay=20"));
    List<String> lines = new ArrayList<>();

    assertThat(viaB.follow(run.runId(), lines::add)).isEqualTo(RunStatus.Succeeded);
    assertThat(lines).contains("line 3 of " + run.runId(), "context bytes 777");
    assertThat(viaB.run(run.runId()).agent()).isEqualTo("agent-a");
    assertThat(client(a, first, Role.read).log(run.runId()))
        .isEqualTo(String.join("\n", lines) + "\n");
  }

  @Test
  void upload_ofTwentyMegabytes_readThroughAServerWithoutACopy_isByteExact() throws Exception {
    Path key = dataDir.resolve("shared.key");
    ServerConfig first = config(1, "agent-a").withKeyFile(key);
    ServerConfig second = first.withDataDir(otherDataDir).withAgent(0, null);
    WharfServer a = start(first);
    WharfServer b = start(second);

    uploadRoundTrip(b, second, a, first);
  }
}
