package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.api.BaseImageDependency;
import dev.wharf.api.OutputImage;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunTrigger;
import dev.wharf.api.ServerClient;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TriggerState;
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
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base-image triggers on a real server (SQLite) and a real {@code docker-registry} notifying it: a
 * new digest of a tracked tag runs the dependent task once (however often it is announced), a
 * notification without the configured header is refused, a task's own pushes do not run it again,
 * and polling finds a new digest of a registry that does not notify. The runs are a test's fake:
 * each reports the base image it was built on at the digest the registry has then.
 */
class BaseImageTriggerIT {
  private static final String HOOK_TOKEN = "hook-Token-4711";

  @TempDir Path root;
  private final FakeExecutor executor = new FakeExecutor();
  private final HttpClient http = HttpClient.newHttpClient();
  private WharfServer server;
  private DistributionRegistry registry;
  private ServerClient client;

  @AfterEach
  void stop() throws Exception {
    if (registry != null) {
      registry.close();
    }
    if (server != null) {
      server.close();
    }
  }

  /** A server, then a registry notifying it (with the right header when {@code notifying}). */
  private void start(Duration pollInterval, boolean notifying) throws Exception {
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(root.resolve("data"))
            .withListen("127.0.0.1", 0)
            .withAgent(1, executor)
            .withBaseImages(
                new BaseImageSettings(
                    new RegistryHookHeader("Authorization", "Bearer " + HOOK_TOKEN), pollInterval));
    server = WharfServer.start(config);
    client =
        new ServerClient(
            ServerScenarios.url(server), WharfServer.createToken(config, Role.admin, "t"));
    registry =
        DistributionRegistry.start(
            root.resolve("registry"),
            notifying ? ServerScenarios.url(server) + "/api/v1/hooks/registry" : null,
            "Authorization",
            "Bearer " + HOOK_TOKEN);
    // A run builds on the digest that triggered it, else on what the registry serves. The
    // registry notifies before the test's push returns and before it moves the tag, so neither
    // the push's answer nor the tag can be waited for here.
    executor.behaviour =
        (job, log) -> {
          String base =
              job.trigger() instanceof RunTrigger.ImageUpdate update
                  ? update.newDigest()
                  : registry.digestOf("base", "1");
          return new RunOutcome(
              RunStatus.Succeeded,
              null,
              List.of(),
              List.of(new BaseImageDependency(registry.host(), "base", "1", base, "RunTime")),
              List.of());
        };
  }

  private String push(String repository, String tag) throws Exception {
    return registry.push(repository, tag);
  }

  private void createAndRunOnce(String name) throws Exception {
    client.createTask(TaskDefinition.builder().name(name).taskText("lines=1").build());
    Run first = client.runTask(name, TaskRunOverrides.none());
    awaitEnded(first.runId());
  }

  private void awaitEnded(String runId) throws InterruptedException {
    TimerServerTest.await(
        () -> client.run(runId).status().isTerminal() ? true : null, Duration.ofSeconds(20));
  }

  private List<Run> imageUpdateRuns(String task) {
    return client.runs(new RunFilter(task, null, null, 50)).stream()
        .filter(r -> r.triggerDetails() instanceof RunTrigger.ImageUpdate)
        .toList();
  }

  private HttpResponse<String> notify(String body, String authorization) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(ServerScenarios.url(server) + "/api/v1/hooks/registry"))
            .header("Content-Type", "application/vnd.docker.distribution.events.v1+json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** An envelope as Distribution sends it for a manifest pushed by tag. */
  private String envelope(String repository, String tag, String digest) {
    return "{\"events\":[{\"id\":\"e-1\",\"timestamp\":\"2030-01-01T00:00:00Z\","
        + "\"action\":\"push\",\"target\":{\"mediaType\":"
        + "\"application/vnd.docker.distribution.manifest.v2+json\",\"size\":528,\"digest\":\""
        + digest
        + "\",\"length\":528,\"repository\":\""
        + repository
        + "\",\"url\":\"http://"
        + registry.host()
        + "/v2/"
        + repository
        + "/manifests/"
        + digest
        + "\",\"tag\":\""
        + tag
        + "\"},\"request\":{\"id\":\"r-1\",\"addr\":\"127.0.0.1:5555\",\"host\":\""
        + registry.host()
        + "\",\"method\":\"PUT\",\"useragent\":\"docker/20.10\"},"
        + "\"actor\":{},\"source\":{\"addr\":\"wharf:5000\"}}]}";
  }

  @Test
  void registryPush_ofATrackedTag_runsTheDependentTaskOnce_withTheImageUpdateRecord()
      throws Exception {
    start(Duration.ZERO, true);
    String old = push("base", "1");
    createAndRunOnce("app-on-base");
    assertThat(client.task("app-on-base").triggerState().baseImages())
        .extracting(TriggerState.TrackedImage::image, TriggerState.TrackedImage::digest)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(registry.host() + "/base:1", old));

    String pushed = push("base", "1");

    Run run =
        TimerServerTest.await(
            () -> imageUpdateRuns("app-on-base").stream().findFirst().orElse(null),
            Duration.ofSeconds(20));
    awaitEnded(run.runId());
    // the registry's own notification and two replays of it by hand: still one run
    String envelope = envelope("base", "1", pushed);
    assertThat(notify(envelope, "Bearer " + HOOK_TOKEN).statusCode()).isEqualTo(202);
    assertThat(notify(envelope, "Bearer " + HOOK_TOKEN).statusCode()).isEqualTo(202);
    Thread.sleep(1500);

    assertThat(imageUpdateRuns("app-on-base")).hasSize(1);
    assertThat(run.trigger()).isEqualTo("Image Update");
    assertThat(run.triggerDetails())
        .isEqualTo(new RunTrigger.ImageUpdate(registry.host() + "/base:1", old, pushed));
    TriggerState.TrackedImage tracked =
        client.task("app-on-base").triggerState().baseImages().get(0);
    assertThat(tracked.digest()).as("the rebuild's base is now tracked").isEqualTo(pushed);
    assertThat(tracked.latestDigest()).isEqualTo(pushed);
    assertThat(tracked.latestSource()).isEqualTo("notification");
    assertThat(tracked.watched()).isTrue();
  }

  @Test
  void notification_withoutTheConfiguredHeader_is401AndQueuesNothing() throws Exception {
    start(Duration.ZERO, false);
    String old = push("base", "1");
    createAndRunOnce("app-on-base");
    String pushed = push("base", "1");
    String envelope = envelope("base", "1", pushed);

    HttpResponse<String> wrong = notify(envelope, "Bearer not-" + HOOK_TOKEN);
    HttpResponse<String> missing = notify(envelope, null);
    Thread.sleep(1500);

    assertThat(wrong.statusCode()).isEqualTo(401);
    assertThat(missing.statusCode()).isEqualTo(401);
    assertThat(wrong.body()).doesNotContain(HOOK_TOKEN);
    assertThat(imageUpdateRuns("app-on-base")).isEmpty();
    assertThat(client.task("app-on-base").triggerState().baseImages().get(0).digest())
        .isEqualTo(old);
    // the same envelope with the header queues the run
    HttpResponse<String> right = notify(envelope, "Bearer " + HOOK_TOKEN);
    assertThat(right.statusCode()).isEqualTo(202);
    assertThat(right.body()).contains("runIds");
    assertThat(imageUpdateRuns("app-on-base")).hasSize(1);
  }

  @Test
  void taskBuiltOnItsOwnOutput_isNotRunAgainByItsPush() throws Exception {
    start(Duration.ZERO, true);
    push("base", "1");
    // each run builds on base:1 and pushes base:1 anew, as a task rebuilding its own base does
    executor.behaviour =
        (job, log) -> {
          String usedBase = registry.digestOf("base", "1");
          String pushed = push("base", "1");
          Thread.sleep(1000); // the registry's notification arrives while the run is active
          return new RunOutcome(
              RunStatus.Succeeded,
              null,
              List.of(new OutputImage(registry.host(), "base", "1", pushed)),
              List.of(new BaseImageDependency(registry.host(), "base", "1", usedBase, "RunTime")),
              List.of());
        };
    createAndRunOnce("self-base");
    Thread.sleep(2500);
    awaitEnded(client.runTask("self-base", TaskRunOverrides.none()).runId());
    Thread.sleep(2500);

    assertThat(imageUpdateRuns("self-base")).as("the task's own pushes").isEmpty();
    assertThat(client.runs(new RunFilter("self-base", null, null, 50))).hasSize(2);
    TriggerState.TrackedImage tracked = client.task("self-base").triggerState().baseImages().get(0);
    assertThat(tracked.latestDigest()).isNotEqualTo(tracked.digest());
  }

  @Test
  void polling_findsTheNewDigestOfARegistryThatDoesNotNotify() throws Exception {
    start(Duration.ofSeconds(1), false);
    String old = push("base", "1");
    createAndRunOnce("polled-base");
    TimerServerTest.await(
        () -> client.task("polled-base").triggerState().baseImages().get(0).lastPoll(),
        Duration.ofSeconds(20));
    assertThat(imageUpdateRuns("polled-base")).as("the same digest runs nothing").isEmpty();

    String pushed = push("base", "1");

    Run run =
        TimerServerTest.await(
            () -> imageUpdateRuns("polled-base").stream().findFirst().orElse(null),
            Duration.ofSeconds(20));
    awaitEnded(run.runId());
    Thread.sleep(2500);
    assertThat(imageUpdateRuns("polled-base")).hasSize(1);
    assertThat(run.triggerDetails())
        .isEqualTo(new RunTrigger.ImageUpdate(registry.host() + "/base:1", old, pushed));
    TriggerState.TrackedImage tracked =
        client.task("polled-base").triggerState().baseImages().get(0);
    assertThat(tracked.lastPollError()).isNull();
    assertThat(tracked.digest()).isEqualTo(pushed);
  }
}
