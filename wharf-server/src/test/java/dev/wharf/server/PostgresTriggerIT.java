package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.ServerClient;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskTriggers.TimerTrigger;
import dev.wharf.server.agent.RunOutcome;
import dev.wharf.server.auth.Role;
import dev.wharf.server.trigger.BaseImageSettings;
import dev.wharf.server.trigger.RegistryHookHeader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Triggers on two servers sharing one real PostgreSQL: each event queues one run. */
@Tag("postgres")
class PostgresTriggerIT {
  private static final String HOOK = "Bearer pg-hook-1414";
  private static PostgresHarness postgres;

  @TempDir Path dirA;
  @TempDir Path dirB;
  final FakeExecutor executor = new FakeExecutor();
  final List<WharfServer> servers = new ArrayList<>();

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

  @AfterEach
  void stop() {
    servers.forEach(WharfServer::close);
  }

  /** Two servers on one new database, one key, one clock; answers an admin client of each. */
  List<ServerClient> twoServers(java.time.Clock clock) throws Exception {
    String db = postgres.newDatabase();
    Path key = dirA.resolve("shared.key");
    List<ServerClient> clients = new ArrayList<>();
    for (Path dir : List.of(dirA, dirB)) {
      ServerConfig config =
          ServerConfig.defaults()
              .withDataDir(dir)
              .withListen("127.0.0.1", 0)
              .withDb(db)
              .withKeyFile(key)
              .withAgent(1, executor)
              .withAgentName("agent-" + dir.getFileName(), Duration.ofSeconds(30))
              .withClock(clock)
              .withBaseImages(
                  new BaseImageSettings(
                      new RegistryHookHeader("Authorization", HOOK), Duration.ZERO));
      WharfServer server = WharfServer.start(config);
      servers.add(server);
      clients.add(
          new ServerClient(
              ServerScenarios.url(server), WharfServer.createToken(config, Role.admin, "t")));
    }
    return clients;
  }

  @Test
  void timer_onTwoServers_queuesOneRunPerOccurrence() throws Exception {
    MovableClock clock = new MovableClock(Instant.parse("2026-12-02T20:59:00Z"));
    List<ServerClient> clients = twoServers(clock);
    clients.get(0).createTask(TimerServerTest.task(new TimerTrigger("t1", "*/5 * * * *", true)));
    Thread.sleep(1500);

    for (int occurrence = 0; occurrence < 3; occurrence++) {
      clock.advance(Duration.ofMinutes(5));
      Thread.sleep(2500);
    }

    List<Run> runs = clients.get(1).runs(new RunFilter("nightly-app", null, null, 20));
    assertThat(runs)
        .extracting(run -> ((RunTrigger.Timer) run.triggerDetails()).scheduledTime().toString())
        .containsExactlyInAnyOrder(
            "2026-12-02T21:00:00Z", "2026-12-02T21:05:00Z", "2026-12-02T21:10:00Z");
  }

  @Test
  void imageUpdate_notifiedToBothServersAtOnce_queuesOneRun() throws Exception {
    List<ServerClient> clients = twoServers(java.time.Clock.systemUTC());
    String old = "sha256:" + "a1".repeat(32);
    String pushed = "sha256:" + "b2".repeat(32);
    executor.behaviour =
        (job, log) ->
            new RunOutcome(
                RunStatus.Succeeded,
                null,
                List.of(),
                List.of(new BaseImageDependency("127.0.0.1:5999", "base", "1", old, "RunTime")),
                List.of());
    clients
        .get(0)
        .createTask(TaskDefinition.builder().name("on-base-pg").taskText("lines=1").build());
    Run first = clients.get(1).runTask("on-base-pg", TaskRunOverrides.none());
    TimerServerTest.await(
        () -> clients.get(0).run(first.runId()).status().isTerminal() ? true : null,
        Duration.ofSeconds(20));
    String envelope =
        "{\"events\":[{\"action\":\"push\",\"timestamp\":\"2026-12-02T12:00:00Z\","
            + "\"target\":{\"mediaType\":\"application/vnd.oci.image.manifest.v1+json\","
            + "\"digest\":\""
            + pushed
            + "\",\"repository\":\"base\",\"tag\":\"1\"},"
            + "\"request\":{\"host\":\"localhost:5999\"}}]}";
    HttpClient http = HttpClient.newHttpClient();
    List<CompletableFuture<HttpResponse<String>>> deliveries = new ArrayList<>();
    for (int round = 0; round < 3; round++) {
      for (WharfServer server : servers) {
        deliveries.add(
            http.sendAsync(
                HttpRequest.newBuilder(
                        URI.create(ServerScenarios.url(server) + "/api/v1/hooks/registry"))
                    .header("Authorization", HOOK)
                    .POST(HttpRequest.BodyPublishers.ofString(envelope))
                    .build(),
                HttpResponse.BodyHandlers.ofString()));
      }
    }
    for (CompletableFuture<HttpResponse<String>> delivery : deliveries) {
      assertThat(delivery.get().statusCode()).isEqualTo(202);
    }
    Thread.sleep(2500);

    List<Run> updates =
        clients.get(1).runs(new RunFilter("on-base-pg", null, null, 20)).stream()
            .filter(r -> r.triggerDetails() instanceof RunTrigger.ImageUpdate)
            .toList();
    assertThat(updates).hasSize(1);
    assertThat(updates.get(0).triggerDetails())
        .isEqualTo(new RunTrigger.ImageUpdate("127.0.0.1:5999/base:1", old, pushed));
  }
}
