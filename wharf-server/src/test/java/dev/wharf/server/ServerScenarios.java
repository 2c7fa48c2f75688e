package dev.wharf.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.api.BuildArgument;
import dev.wharf.api.DockerBuildStep;
import dev.wharf.api.RegistryCredential;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.api.ServerException;
import dev.wharf.api.Task;
import dev.wharf.api.TaskDefinition;
import dev.wharf.api.TaskRunOverrides;
import dev.wharf.api.TaskStatus;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.UploadLimits;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The API scenarios every store must pass; subclasses choose SQLite or PostgreSQL. */
abstract class ServerScenarios {
  private static final String SECRET = "s3cr3t-Value-42";
  private static final String REGISTRY_PASSWORD = "reg-pass-9876";

  @TempDir Path dataDir;
  final FakeExecutor executor = new FakeExecutor();
  private final List<WharfServer> servers = new ArrayList<>();
  private final HttpClient http = HttpClient.newHttpClient();

  /** The JDBC URL of a fresh database, null for SQLite in the data directory. */
  abstract String dbUrl() throws Exception;

  private String db;

  @AfterEach
  void stopServers() {
    servers.forEach(WharfServer::close);
  }

  ServerConfig config(int concurrency, String agentName) throws Exception {
    if (db == null) {
      db = String.valueOf(dbUrl());
    }
    return ServerConfig.defaults()
        .withDataDir(dataDir)
        .withListen("127.0.0.1", 0)
        .withDb("null".equals(db) ? null : db)
        .withAgent(concurrency, executor)
        .withAgentName(agentName, Duration.ofSeconds(30));
  }

  WharfServer start(ServerConfig config) {
    WharfServer server = WharfServer.start(config);
    servers.add(server);
    return server;
  }

  ServerClient client(WharfServer server, ServerConfig config, Role role) {
    return new ServerClient(url(server), WharfServer.createToken(config, role, "test-" + role));
  }

  static URI url(WharfServer server) {
    return URI.create("http://127.0.0.1:" + server.port());
  }

  @Test
  void agentToken_revoked_itsAgentCanClaimNoMoreRuns() throws Exception {
    ServerConfig config = config(0, null);
    WharfServer server = start(config);
    String token = WharfServer.createToken(config, Role.agent, "builders-old");
    dev.wharf.api.HttpAgentPort port = new dev.wharf.api.HttpAgentPort(List.of(url(server)), token);
    String agentId =
        port.register(
                new dev.wharf.api.AgentWire.Registration(
                    "remote-1", null, Map.of(), "1", "linux/amd64", 1, "engine-r", false, null))
            .agentId();
    assertThat(port.claim(agentId, 0)).isEmpty();

    assertThat(WharfServer.revokeToken(config, "builders-old")).isEqualTo(1);

    assertThatThrownBy(() -> port.claim(agentId, 0))
        .isInstanceOfSatisfying(
            dev.wharf.api.AgentProtocolException.class, e -> assertThat(e.status()).isEqualTo(401));
    assertThat(WharfServer.listTokens(config))
        .extracting(t -> t.name())
        .doesNotContain("builders-old");
  }

  @Test
  void taskAgentLabels_replacedOnUpdate_theTasksRunIsClaimedOnlyByAnAgentHavingThem()
      throws Exception {
    ServerConfig config = config(0, null);
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    TaskDefinition base = task("ssd-task", "lines=1", Map.of());
    admin.createTask(
        TaskDefinition.builder()
            .name(base.name())
            .context(base.context())
            .taskText(base.taskText())
            .agentLabels(Map.of("disk", "hdd", "zone", "eu"))
            .build());
    Task updated = admin.updateTask("ssd-task", Map.of("agentLabels", Map.of("disk", "ssd")));
    assertThat(updated.agentLabels()).containsExactly(Map.entry("disk", "ssd"));
    assertThat(admin.task("ssd-task").agentLabels()).containsExactly(Map.entry("disk", "ssd"));
    assertThatThrownBy(() -> admin.updateTask("ssd-task", Map.of("agentLabels", Map.of("", "x"))))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(400);

    Run run = admin.runTask("ssd-task", TaskRunOverrides.none());
    assertThat(run.agentLabels()).containsExactly(Map.entry("disk", "ssd"));
    String token = WharfServer.createToken(config, Role.agent, "builders");
    dev.wharf.api.HttpAgentPort port = new dev.wharf.api.HttpAgentPort(List.of(url(server)), token);
    String hdd = register(port, "builder-hdd", Map.of("disk", "hdd", "zone", "eu"));
    String ssd = register(port, "builder-ssd", Map.of("disk", "ssd", "zone", "us"));

    assertThat(port.claim(hdd, 0)).isEmpty();
    assertThat(port.claim(ssd, 0))
        .hasValueSatisfying(a -> assertThat(a.runId()).isEqualTo(run.runId()));
    assertThat(admin.run(run.runId()).agent()).isEqualTo("builder-ssd");
  }

  private static String register(
      dev.wharf.api.HttpAgentPort port, String name, Map<String, String> labels) {
    return port.register(
            new dev.wharf.api.AgentWire.Registration(
                name, null, labels, "1", "linux/amd64", 1, "engine-" + name, false, null))
        .agentId();
  }

  @Test
  void tokens_eachRole_allowsOnlyItsEndpoints() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient reader = client(server, config, Role.read);
    ServerClient runner = client(server, config, Role.run);
    ServerClient admin = client(server, config, Role.admin);

    assertThat(status(server, "/healthz", null)).isEqualTo(200);
    assertThat(status(server, "/api/v1/runs", null)).isEqualTo(401);
    assertThat(status(server, "/api/v1/runs", "wharf_not-a-token")).isEqualTo(401);
    assertThat(status(server, "/metrics", null)).isEqualTo(401);
    assertThat(reader.runs(new RunFilter(null, null, null, 0))).isEmpty();
    assertThatThrownBy(() -> reader.queue(RunType.QuickRun, RunSpec.inline("lines=1")))
        .isInstanceOf(ServerException.class)
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(403);
    Run queued = runner.queue(RunType.QuickRun, RunSpec.inline("lines=1"));
    assertThat(queued.runId()).isEqualTo("wa1");
    assertThatThrownBy(() -> runner.createTask(task("hello-task", "lines=1", Map.of())))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(403);
    assertThat(admin.createTask(task("hello-task", "lines=1", Map.of())).name())
        .isEqualTo("hello-task");
    assertThat(runner.follow(queued.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
  }

  @Test
  void metricsAndOpenApi_withReadToken_areServed() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    String token = WharfServer.createToken(config, Role.read, "metrics");
    Run run = runner.queue(RunType.QuickRun, RunSpec.inline("lines=2"));
    runner.follow(run.runId(), line -> {});
    // the server times a run once its end is stored, which the follower may see first
    await(() -> scrape(server, token).contains("wharf_run_duration_seconds_bucket"));

    String metrics = body(server, "/metrics", token);
    assertThat(metrics)
        .contains("wharf_queue_length")
        .contains("wharf_runs{status=\"Succeeded\"} 1.0")
        .contains("wharf_run_duration_seconds_bucket")
        .contains("wharf_step_duration_seconds_count");
    assertThat(body(server, "/api/v1/openapi.json", token))
        .contains("\"openapi\"")
        .contains("/api/v1/runs/{runId}/logs");
  }

  @Test
  void task_createRunListShowLogs_worksEndToEnd() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    admin.createTask(task("build-app", "lines=3 image=app:v1", Map.of("mode", "fast")));
    Task patched = admin.updateTask("build-app", Map.of("timeoutSeconds", 600));
    assertThat(patched.timeoutSeconds()).isEqualTo(600);
    assertThat(patched.valueNames()).containsExactly("mode");

    Run run = admin.runTask("build-app", TaskRunOverrides.none());
    assertThat(run.status()).isEqualTo(RunStatus.Queued);
    assertThat(run.runType()).isEqualTo(RunType.AutoRun);
    List<String> lines = new ArrayList<>();
    assertThat(admin.follow(run.runId(), lines::add)).isEqualTo(RunStatus.Succeeded);
    assertThat(lines)
        .containsExactly(
            "line 1 of " + run.runId(), "line 2 of " + run.runId(), "line 3 of " + run.runId());

    assertThat(admin.runs(new RunFilter("build-app", null, null, 0)))
        .extracting(Run::runId)
        .containsExactly(run.runId());
    assertThat(admin.runs(new RunFilter(null, RunStatus.Failed, null, 0))).isEmpty();
    assertThat(admin.runs(new RunFilter(null, null, "app:v1", 0))).hasSize(1);
    assertThat(
            admin.runs(
                new RunFilter(null, null, "localhost:5000/app@sha256:" + "ab".repeat(32), 0)))
        .hasSize(1);
    assertThat(admin.runs(new RunFilter(null, null, "app:v2", 0))).isEmpty();
    Run shown = admin.run(run.runId());
    assertThat(shown.task()).isEqualTo("build-app");
    assertThat(shown.trigger()).isEqualTo("Manual");
    assertThat(shown.timeoutSeconds()).isEqualTo(600);
    assertThat(shown.startTime()).isNotNull();
    assertThat(shown.finishTime()).isAfterOrEqualTo(shown.startTime());
    assertThat(shown.agent()).isEqualTo("agent-a");
    assertThat(shown.outputImages()).hasSize(1);
    assertThat(admin.taskLog("build-app")).contains("line 3 of " + run.runId());
    assertThat(admin.log(run.runId())).isEqualTo(admin.taskLog("build-app"));

    admin.updateTask("build-app", Map.of("status", "Disabled"));
    assertThatThrownBy(() -> admin.runTask("build-app", TaskRunOverrides.none()))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(409);
    admin.deleteTask("build-app");
    assertThat(admin.tasks()).isEmpty();
  }

  @Test
  void quickRun_failingAndThrowing_endFailedAndError() throws Exception {
    ServerConfig config = config(2, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    Run failing = runner.queue(RunType.QuickRun, RunSpec.inline("outcome=fail"));
    Run throwing = runner.queue(RunType.QuickBuild, RunSpec.inline("outcome=throw"));

    assertThat(runner.follow(failing.runId(), line -> {})).isEqualTo(RunStatus.Failed);
    assertThat(runner.follow(throwing.runId(), line -> {})).isEqualTo(RunStatus.Error);
    assertThat(runner.run(failing.runId()).runErrorMessage()).contains("exit code 1");
    assertThat(runner.run(throwing.runId()).runErrorMessage()).isEqualTo("engine exploded");
    assertThat(runner.run(throwing.runId()).runType()).isEqualTo(RunType.QuickBuild);
  }

  @Test
  @org.junit.jupiter.api.Timeout(60)
  void quickRun_stackOverflowInARun_endsThatRunErrorAndTheAgentKeepsWorking() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    Run overflowing = runner.queue(RunType.QuickRun, RunSpec.inline("outcome=overflow"));

    assertThat(runner.follow(overflowing.runId(), line -> {})).isEqualTo(RunStatus.Error);
    assertThat(runner.run(overflowing.runId()).runErrorMessage()).contains("nested too deeply");
    Run next = runner.queue(RunType.QuickRun, RunSpec.inline("lines=1"));
    assertThat(runner.follow(next.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
  }

  @Test
  void quickRun_uploadedContext_reachesTheExecutor() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    Path archive = Files.write(dataDir.resolve("context.tar.gz"), new byte[1234]);

    Run run = runner.queue(RunType.QuickRun, archive, RunSpec.inline("lines=1"));

    assertThat(runner.follow(run.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
    assertThat(runner.log(run.runId())).contains("context bytes 1234");
  }

  @Test
  void upload_pastTheLimit_isRefused413AsItArrives_andNothingIsKept() throws Exception {
    ServerConfig config =
        config(1, "agent-a").withUploads(new UploadLimits(1024 * 1024, Duration.ofHours(1)));
    WharfServer server = start(config);
    String token = WharfServer.createToken(config, Role.run, "uploader");
    byte[] threeMegabytes = new byte[3 * 1024 * 1024];

    HttpResponse<String> declared =
        post(
            server,
            "/api/v1/uploads",
            token,
            HttpRequest.BodyPublishers.ofByteArray(threeMegabytes));
    // sent chunked, without a length: cut off at the limit while it streams
    HttpResponse<String> chunked =
        post(
            server,
            "/api/v1/uploads",
            token,
            HttpRequest.BodyPublishers.ofInputStream(
                () -> new java.io.ByteArrayInputStream(threeMegabytes)));
    HttpResponse<String> json =
        post(
            server,
            "/api/v1/runs",
            token,
            HttpRequest.BodyPublishers.ofString(
                "{\"spec\":{\"taskText\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}}"));

    assertThat(declared.statusCode()).isEqualTo(413);
    assertThat(declared.body()).contains("an upload is at most 1 MiB");
    assertThat(chunked.statusCode()).isEqualTo(413);
    assertThat(chunked.body()).contains("an upload is at most 1 MiB");
    assertThat(json.statusCode()).isEqualTo(413);
    assertThat(json.body()).contains("a JSON request body is at most 1 MiB");
    Path uploads = dataDir.resolve("uploads");
    if (Files.isDirectory(uploads)) {
      try (Stream<Path> left = Files.list(uploads)) {
        assertThat(left).isEmpty();
      }
    }
  }

  @Test
  void upload_ofTwentyMegabytes_roundTripsByteExact_andAGoneOneIs404() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);

    uploadRoundTrip(server, config, server, config);
  }

  /**
   * Uploads 20 MiB through {@code to} and reads it back through {@code from} as an agent does, byte
   * for byte; once deleted, the upload is 404 there.
   */
  void uploadRoundTrip(
      WharfServer to, ServerConfig toConfig, WharfServer from, ServerConfig fromConfig)
      throws Exception {
    byte[] content = new byte[20 * 1024 * 1024 + 7];
    new java.util.Random(7).nextBytes(content);
    Path archive = Files.write(dataDir.resolve("big.tar.gz"), content);
    String agent = WharfServer.createToken(fromConfig, Role.agent, "reader");

    String id = client(to, toConfig, Role.run).upload(archive);
    HttpResponse<byte[]> read =
        http.send(
            HttpRequest.newBuilder(url(from).resolve("/api/v1/uploads/" + id))
                .header("Authorization", "Bearer " + agent)
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());

    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).isEqualTo(content);
    String missing = "0".repeat(32);
    assertThat(status(from, "/api/v1/uploads/" + missing, agent)).isEqualTo(404);
    Files.delete(archive);
  }

  @Test
  void upload_noRunClaimsIt_isRemovedAfterItsAge_whileAClaimedOneStays() throws Exception {
    ServerConfig config =
        config(1, "agent-a").withUploads(new UploadLimits(1024 * 1024, Duration.ofSeconds(1)));
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    Path archive = Files.write(dataDir.resolve("context.tar.gz"), new byte[100]);

    String unclaimed = runner.upload(archive);
    String claimedUpload = runner.upload(archive);
    Run claimed =
        runner.queue(RunType.QuickRun, RunSpec.inline("lines=1").withUpload(claimedUpload));
    assertThat(runner.follow(claimed.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);

    String agent = WharfServer.createToken(config, Role.agent, "reader");
    await(() -> uploadStatus(server, unclaimed, agent) != 200);
    Thread.sleep(1500); // well past the age: the claimed upload is kept
    assertThat(status(server, "/api/v1/uploads/" + claimedUpload, agent)).isEqualTo(200);
    Run again = runner.queue(RunType.QuickRun, RunSpec.inline("lines=1").withUpload(claimedUpload));
    assertThat(runner.follow(again.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
  }

  private int uploadStatus(WharfServer server, String upload, String token) {
    try {
      return status(server, "/api/v1/uploads/" + upload, token);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void cancel_queuedAndRunningRuns_endCanceled() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    Run running = runner.queue(RunType.QuickRun, RunSpec.inline("outcome=wait"));
    Run queued = runner.queue(RunType.QuickRun, RunSpec.inline("lines=1"));
    await(() -> runner.run(running.runId()).status() == RunStatus.Running);

    assertThat(runner.cancel(queued.runId()).status()).isEqualTo(RunStatus.Canceled);
    runner.cancel(running.runId());

    assertThat(runner.follow(running.runId(), line -> {})).isEqualTo(RunStatus.Canceled);
    assertThat(executor.executions).doesNotContainKey(queued.runId());
    assertThat(runner.log(running.runId())).contains("waiting to be cancelled");
  }

  @Test
  void timeout_runPastItsTimeout_endsTimeout() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    RunSpec spec = RunSpec.inline("outcome=wait").toBuilder().timeoutSeconds(1).build();

    Run run = runner.queue(RunType.QuickRun, spec);

    assertThat(runner.follow(run.runId(), line -> {})).isEqualTo(RunStatus.Timeout);
    assertThat(runner.run(run.runId()).runErrorMessage()).contains("timeout");
  }

  @Test
  void showRun_queuedBehindOthers_hasItsQueuePosition() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    Run busy = runner.queue(RunType.QuickRun, RunSpec.inline("outcome=wait"));
    await(() -> runner.run(busy.runId()).status() == RunStatus.Running);
    runner.queue(RunType.QuickRun, RunSpec.inline("lines=1"));
    Run third = runner.queue(RunType.QuickRun, RunSpec.inline("lines=1"));

    assertThat(runner.run(third.runId()).queuePosition()).isEqualTo(1L);
    assertThat(runner.run(busy.runId()).queuePosition()).isNull();
    runner.cancel(busy.runId());
    assertThat(runner.follow(third.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
  }

  @Test
  void close_duringARun_endsItAsErrorWithAMessage() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer first = start(config);
    ServerClient before = client(first, config, Role.run);
    Run run = before.queue(RunType.QuickRun, RunSpec.inline("outcome=wait"));
    await(() -> before.run(run.runId()).status() == RunStatus.Running);
    servers.remove(first);
    first.close();

    WharfServer second = start(config);
    Run ended = client(second, config, Role.read).run(run.runId());

    assertThat(ended.status()).isEqualTo(RunStatus.Error);
    assertThat(ended.runErrorMessage()).isEqualTo("the server stopped during the run");
  }

  @Test
  void queue_twentyRunsWithConcurrencyTwo_eachRunsExactlyOnce() throws Exception {
    ServerConfig config = config(2, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      ids.add(runner.queue(RunType.QuickRun, RunSpec.inline("lines=2 delay=10")).runId());
    }

    await(() -> runner.runs(new RunFilter(null, RunStatus.Succeeded, null, 100)).size() == 20);

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(executor.executions).containsOnlyKeys(ids);
    assertThat(executor.executions.values()).allMatch(count -> count.get() == 1);
    assertThat(executor.mostAtOnce.get()).isEqualTo(2);
  }

  @Test
  void twoServers_onOneStore_claimEachRunExactlyOnce() throws Exception {
    ServerConfig first = config(2, "agent-a");
    ServerConfig second = config(2, "agent-b");
    WharfServer a = start(first);
    WharfServer b = start(second);
    ServerClient viaA = client(a, first, Role.run);
    ServerClient viaB = client(b, second, Role.run);
    List<String> ids = new ArrayList<>();
    for (int i = 0; i < 15; i++) {
      ids.add(viaA.queue(RunType.QuickRun, RunSpec.inline("lines=1 delay=20")).runId());
      ids.add(viaB.queue(RunType.QuickRun, RunSpec.inline("lines=1 delay=20")).runId());
    }

    await(() -> viaA.runs(new RunFilter(null, RunStatus.Succeeded, null, 100)).size() == 30);

    assertThat(ids).doesNotHaveDuplicates();
    assertThat(executor.executions).containsOnlyKeys(ids);
    assertThat(executor.executions.values()).allMatch(count -> count.get() == 1);
    assertThat(viaB.runs(new RunFilter(null, null, null, 100)))
        .extracting(Run::agent)
        .contains("agent-a", "agent-b");
  }

  @Test
  void restart_afterAbruptStop_interruptedRunEndsErrorAndQueuedRunsStillRun() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer first = start(config);
    ServerClient before = client(first, config, Role.run);
    Run interrupted = before.queue(RunType.QuickRun, RunSpec.inline("lines=3 outcome=wait"));
    Run waiting = before.queue(RunType.QuickRun, RunSpec.inline("lines=2"));
    await(() -> before.run(interrupted.runId()).status() == RunStatus.Running);
    await(() -> before.log(interrupted.runId()).contains("waiting to be cancelled"));
    servers.remove(first);
    first.halt();

    WharfServer second = start(config);
    ServerClient after = client(second, config, Role.run);

    assertThat(after.follow(waiting.runId(), line -> {})).isEqualTo(RunStatus.Succeeded);
    Run ended = after.run(interrupted.runId());
    assertThat(ended.status()).isEqualTo(RunStatus.Error);
    assertThat(ended.runErrorMessage()).contains("restarted before the run finished");
    assertThat(after.log(interrupted.runId()))
        .contains("line 3 of " + interrupted.runId())
        .contains("waiting to be cancelled");
    assertThat(executor.executions.get(interrupted.runId()).get()).isEqualTo(1);
  }

  @Test
  void logs_fiftyFollowers_allReceiveTheCompleteLog() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    String token = WharfServer.createToken(config, Role.read, "sse");
    Run run = runner.queue(RunType.QuickRun, RunSpec.inline("lines=100 delay=10"));
    List<String> expected = new ArrayList<>();
    for (int i = 1; i <= 100; i++) {
      expected.add("line " + i + " of " + run.runId());
    }
    ExecutorService followers = Executors.newFixedThreadPool(50);
    try {
      List<Future<List<String>>> received = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        Callable<List<String>> follower =
            i % 2 == 0
                ? () -> {
                  List<String> lines = new ArrayList<>();
                  runner.follow(run.runId(), lines::add);
                  return lines;
                }
                : () -> sseLines(server, run.runId(), token);
        received.add(followers.submit(follower));
        if (i == 25) {
          Thread.sleep(300); // the second half joins late, mid-run
        }
      }
      for (Future<List<String>> lines : received) {
        assertThat(lines.get(60, TimeUnit.SECONDS)).isEqualTo(expected);
      }
    } finally {
      followers.shutdownNow();
    }
  }

  private TaskDefinition guardedTask(String context) {
    return TaskDefinition.builder()
        .name("guarded-task")
        .context(context)
        .taskText("lines=1 echo=true")
        .values(Map.of("plain", "visible"))
        .secretValues(Map.of("password", SECRET))
        .credentials(List.of(new RegistryCredential("registry.example", "bot", REGISTRY_PASSWORD)))
        .status(TaskStatus.Enabled)
        .gitAccessToken("git-token-5150")
        .build();
  }

  @Test
  void taskRun_runTokenChangingTheValues_getsNoneOfTheTasksSecrets() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    ServerClient runner = client(server, config, Role.run);
    admin.createTask(guardedTask("/dev/null"));
    TaskRunOverrides changed = new TaskRunOverrides(null, null, null, Map.of("x", "y"), null);

    Run byRunner = runner.runTask("guarded-task", changed);
    runner.follow(byRunner.runId(), line -> {});
    Run byAdmin = admin.runTask("guarded-task", changed);
    admin.follow(byAdmin.runId(), line -> {});
    Run unchanged = runner.runTask("guarded-task", TaskRunOverrides.none());
    runner.follow(unchanged.runId(), line -> {});

    assertThat(runner.log(byRunner.runId()))
        .contains("value x=y")
        .doesNotContain("secret password")
        .doesNotContain("login bot")
        .doesNotContain("git token");
    assertThat(admin.log(byAdmin.runId()))
        .contains("secret password=")
        .contains("login bot:")
        .contains("git token ")
        .doesNotContain(SECRET)
        .doesNotContain("git-token-5150");
    assertThat(runner.log(unchanged.runId())).contains("secret password=").contains("git token ");
  }

  @Test
  void task_contextUrlWithAToken_storesAndShowsItWithoutTheToken() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    String readToken = WharfServer.createToken(config, Role.read, "reader");

    Task created =
        admin.createTask(guardedTask("https://bot:url-token-77@git.example/repo.git#main"));
    Run run = admin.runTask("guarded-task", TaskRunOverrides.none());
    admin.follow(run.runId(), line -> {});

    assertThat(created.context()).isEqualTo("https://git.example/repo.git#main");
    assertThat(body(server, "/api/v1/tasks/guarded-task", readToken))
        .doesNotContain("url-token-77")
        .doesNotContain("git-token-5150");
    assertThat(admin.log(run.runId())).contains("git token ").doesNotContain("url-token-77");
    assertThat(storedBytes()).doesNotContain("url-token-77");
  }

  @Test
  void quickRun_contextUrlWithCredentials_isRefusedWithAHint() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient runner = client(server, config, Role.run);
    RunSpec spec = RunSpec.builder().context("https://me:pa55@host.example/ctx.tar.gz").build();

    assertThatThrownBy(() -> runner.queue(RunType.QuickRun, spec))
        .isInstanceOf(ServerException.class)
        .hasMessageContaining("--git-access-token")
        .hasMessageNotContaining("pa55");
  }

  @Test
  void secrets_setOnATask_neverAppearInResponsesLogsOrStorage() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    String token = WharfServer.createToken(config, Role.admin, "raw");
    TaskDefinition definition =
        TaskDefinition.builder()
            .name("secret-task")
            .context("/dev/null")
            .taskText("lines=1 echo=true")
            .values(Map.of("plain", "visible"))
            .secretValues(Map.of("password", SECRET))
            .credentials(
                List.of(new RegistryCredential("registry.example", "bot", REGISTRY_PASSWORD)))
            .status(TaskStatus.Enabled)
            .build();
    List<String> responses = new ArrayList<>();
    responses.add(String.valueOf(admin.createTask(definition)));
    Run run =
        admin.runTask(
            "secret-task",
            new TaskRunOverrides(null, null, null, null, Map.of("extra", SECRET + "-more")));
    admin.follow(run.runId(), responses::add);
    responses.add(body(server, "/api/v1/tasks/secret-task", token));
    responses.add(body(server, "/api/v1/tasks", token));
    responses.add(body(server, "/api/v1/runs/" + run.runId(), token));
    responses.add(body(server, "/api/v1/runs", token));
    responses.add(body(server, "/api/v1/runs/" + run.runId() + "/logs", token));
    responses.add(body(server, "/api/v1/tasks/secret-task/logs", token));

    assertThat(String.join("\n", responses))
        .doesNotContain(SECRET)
        .doesNotContain(REGISTRY_PASSWORD)
        .contains("secret password=***")
        .contains("login bot:***")
        .contains("password");
    assertThat(body(server, "/api/v1/tasks/secret-task", token))
        .as("values are write-only too")
        .doesNotContain("visible");
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(stored)
            .as(file.toString())
            .doesNotContain(SECRET)
            .doesNotContain(REGISTRY_PASSWORD);
      }
    }
  }

  @Test
  void dockerfileTask_secretBuildArgument_isWriteOnlyAndSealed() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    String token = WharfServer.createToken(config, Role.admin, "raw");
    DockerBuildStep build =
        new DockerBuildStep(
            List.of("app:{{.Run.ID}}"),
            List.of(new BuildArgument("V", "1", false), new BuildArgument("TOKEN", SECRET, true)),
            "final",
            null,
            false,
            true);
    Task created =
        admin.createTask(
            TaskDefinition.builder()
                .name("build-task")
                .context("https://git.example/app.git")
                .file("Dockerfile")
                .dockerBuild(build)
                .build());
    Task patched =
        admin.updateTask(
            "build-task",
            Map.of("build", Map.of("arguments", List.of(Map.of("name", "V", "value", "2")))));

    assertThat(created.build()).isEqualTo(build.shown());
    assertThat(patched.build().arguments())
        .containsExactly(
            new BuildArgument("V", "2", false), new BuildArgument("TOKEN", null, true));
    assertThat(patched.build().imageNames()).containsExactly("app:{{.Run.ID}}");
    assertThat(
            body(server, "/api/v1/tasks/build-task", token) + body(server, "/api/v1/tasks", token))
        .contains("TOKEN")
        .doesNotContain(SECRET);
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(stored).as(file.toString()).doesNotContain(SECRET);
      }
    }
  }

  @Test
  void taskCredentials_addUpdateListRemove_neverAnswerTheLogin() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    ServerClient reader = client(server, config, Role.read);
    admin.createTask(task("login-task", "lines=1 echo=true", Map.of()));
    String newPassword = REGISTRY_PASSWORD + "-new";

    List<String> added =
        admin.addCredential(
            "login-task", new RegistryCredential("127.0.0.1:5001", "bot", REGISTRY_PASSWORD));
    List<String> addedAgain =
        admin.addCredential(
            "login-task", new RegistryCredential("q.example", "u", "second-pass-1234"));
    List<String> updated =
        admin.updateCredential("login-task", "127.0.0.1:5001", "bot2", newPassword);
    Run run = admin.runTask("login-task", TaskRunOverrides.none());
    admin.follow(run.runId(), line -> {});
    List<String> listed = reader.credentials("login-task");
    List<String> removed = admin.removeCredential("login-task", "q.example");

    assertThat(added).containsExactly("127.0.0.1:5001");
    assertThat(addedAgain).containsExactly("127.0.0.1:5001", "q.example");
    assertThat(updated).isEqualTo(addedAgain);
    assertThat(admin.log(run.runId()))
        .contains("login bot2:***", "login u:***")
        .doesNotContain(newPassword);
    assertThat(listed).isEqualTo(addedAgain);
    assertThat(removed).containsExactly("127.0.0.1:5001");
    assertThat(admin.task("login-task").credentialLoginServers()).containsExactly("127.0.0.1:5001");
    assertThatThrownBy(
            () ->
                admin.addCredential(
                    "login-task", new RegistryCredential("127.0.0.1:5001", "x", "y")))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(409);
    assertThatThrownBy(() -> admin.removeCredential("login-task", "q.example"))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(404);
    assertThatThrownBy(() -> reader.removeCredential("login-task", "127.0.0.1:5001"))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(403);
    String token = WharfServer.createToken(config, Role.admin, "raw");
    assertThat(
            body(server, "/api/v1/tasks/login-task", token)
                + body(server, "/api/v1/tasks/login-task/credentials", token))
        .contains("127.0.0.1:5001")
        .doesNotContain(newPassword)
        .doesNotContain("bot2");
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        String stored = new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1);
        assertThat(stored).as(file.toString()).doesNotContain(newPassword);
      }
    }
  }

  @Test
  void updateRun_archived_isShownOnTheRunAndNeedsAdmin() throws Exception {
    ServerConfig config = config(1, "agent-a");
    WharfServer server = start(config);
    ServerClient admin = client(server, config, Role.admin);
    ServerClient runner = client(server, config, Role.run);
    Run run = runner.queue(RunType.QuickRun, RunSpec.inline("lines=1"));
    runner.follow(run.runId(), line -> {});

    Run archived = admin.updateRun(run.runId(), true);
    Run shown = runner.run(run.runId());
    Run unarchived = admin.updateRun(run.runId(), false);

    assertThat(archived.archived()).isTrue();
    assertThat(shown.archived()).isTrue();
    assertThat(unarchived.archived()).isFalse();
    assertThatThrownBy(() -> runner.updateRun(run.runId(), true))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(403);
    assertThatThrownBy(() -> admin.updateRun("no-such-run", true))
        .extracting(e -> ((ServerException) e).status())
        .isEqualTo(404);
  }

  /** Every file of the data directory (the SQLite store, blobs, logs) as one string. */
  private String storedBytes() throws IOException {
    StringBuilder all = new StringBuilder();
    try (Stream<Path> files = Files.walk(dataDir)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        all.append(new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1));
      }
    }
    return all.toString();
  }

  static TaskDefinition task(String name, String script, Map<String, String> values) {
    return TaskDefinition.builder()
        .name(name)
        .context("/dev/null")
        .taskText(script)
        .values(values)
        .build();
  }

  private HttpResponse<String> post(
      WharfServer server, String path, String token, HttpRequest.BodyPublisher body)
      throws Exception {
    return http.send(
        HttpRequest.newBuilder(url(server).resolve(path))
            .header("Authorization", "Bearer " + token)
            .POST(body)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private int status(WharfServer server, String path, String token) throws Exception {
    return send(server, path, token).statusCode();
  }

  private String scrape(WharfServer server, String token) {
    try {
      return body(server, "/metrics", token);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String body(WharfServer server, String path, String token) throws Exception {
    HttpResponse<String> response = send(server, path, token);
    assertThat(response.statusCode()).as(path).isEqualTo(200);
    return response.body();
  }

  private HttpResponse<String> send(WharfServer server, String path, String token)
      throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(url(server).resolve(path));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  private List<String> sseLines(WharfServer server, String runId, String token) {
    HttpRequest request =
        HttpRequest.newBuilder(url(server).resolve("/api/v1/runs/" + runId + "/logs"))
            .header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream")
            .build();
    try {
      List<String> lines = new ArrayList<>();
      String event = null;
      for (String line :
          (Iterable<String>)
              http.send(request, HttpResponse.BodyHandlers.ofLines()).body()::iterator) {
        if (line.startsWith("event: ")) {
          event = line.substring(7);
        } else if (line.startsWith("data: ") && event == null) {
          lines.add(line.substring(6));
        } else if (line.startsWith("data: ") && event.equals("end")) {
          assertThat(line).isEqualTo("data: Succeeded");
        }
      }
      assertThat(event).isEqualTo("end");
      return lines;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static void await(BooleanSupplier condition) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("condition not met within 30 s");
      }
      Thread.sleep(50);
    }
  }
}
