package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.api.QuickRunRequest;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.server.PostgresHarness;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.Database;
import dev.wharf.server.store.SecretBox;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged {@code wharf server} processes on one real PostgreSQL with no embedded agent, and
 * three {@code wharf agent} processes in three pools on loopback: runs spread over the agents by
 * pool, each once with its whole log; a cancel through one server reaches an agent attached to the
 * other; an agent killed with SIGKILL loses its run within two heartbeats and its containers go; a
 * server killed with SIGKILL mid-run leaves the run to finish through the other server.
 */
@DockerTest
@Tag("postgres")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AgentsIT {
  private static final Duration WAIT = Duration.ofSeconds(120);
  // leases of one and a half heartbeats must survive a loaded 2-core CI machine
  private static final int HEARTBEAT_SECONDS = 5;
  // the benchmark queues 300 (docs/benchmarks.md); here enough to fill every slot of every agent
  // (3 agents, 2 runs each) three times over, through both servers
  private static final int QUICK_RUNS = 18;
  // agent-blue reaches the default engine by another path, so that it alone cleans up after itself
  private static final boolean BLUE_ENGINE_APART =
      System.getenv("DOCKER_HOST") == null && Files.exists(Path.of("/run/docker.sock"));
  // in target/, so that a failure can be read after the temporary folder is gone
  private static final Path LOG = Path.of("target", "agents-it.log");

  @TempDir static Path work;

  private PostgresHarness postgres;
  private String db;
  private String adminToken;
  private String agentToken;
  private final Map<String, Process> servers = new LinkedHashMap<>();
  private final Map<String, URI> urls = new LinkedHashMap<>();
  private final Map<String, Process> agents = new LinkedHashMap<>();
  private final List<Process> all = new ArrayList<>();
  private final List<String> runIds = new ArrayList<>();
  private ServerClient viaA;
  private ServerClient viaB;

  @BeforeAll
  void startServersAndAgents() throws Exception {
    postgres = PostgresHarness.start();
    db = postgres.newDatabase();
    Path keyOfA = work.resolve("server-a/server.key");
    SecretBox.openOrCreate(keyOfA);
    Files.createDirectories(work.resolve("server-b"));
    // servers sharing one database share the key that seals secrets (docs/deploy.md)
    Files.copy(keyOfA, work.resolve("server-b/server.key"));
    ServerConfig config = ServerConfig.defaults().withDataDir(work.resolve("server-a")).withDb(db);
    adminToken = WharfServer.createToken(config, Role.admin, "it");
    agentToken = WharfServer.createToken(config, Role.agent, "agents");
    startCountersAtRandom();
    // both servers start at once: each start is mostly a JVM and a database migration waiting
    launchServer("a");
    launchServer("b");
    awaitHealthy("a");
    awaitHealthy("b");
    viaA = new ServerClient(urls.get("a"), adminToken);
    viaB = new ServerClient(urls.get("b"), adminToken);
    startAgent("green", "a", "b");
    startAgent("default", "b", "a");
    startAgent("blue", "b", "a");
    await().atMost(WAIT).until(() -> viaA.agents().size() == 3);
  }

  @AfterAll
  void stopEverything() throws Exception {
    for (Process process : all) {
      process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    // what wharf cleanup --run does, in this process: one JVM start per run would take minutes
    EngineRunExecutor engine = new EngineRunExecutor();
    for (String runId : runIds) {
      engine.abandoned(runId);
    }
    if (postgres != null) {
      postgres.close();
    }
  }

  @Test
  void quickRuns_throughBothServers_eachRunOnceOnAnAgentOfItsPoolWithItsWholeLog() {
    List<String> pools = List.of("green", "default", "blue");
    Map<String, String> poolOf = new LinkedHashMap<>();
    for (int i = 0; i < QUICK_RUNS; i++) {
      String pool = pools.get(i % pools.size());
      ServerClient client = i % 2 == 0 ? viaA : viaB;
      String runId = queue(client, pool, "  - cmd: wharf-test/busybox echo quick-" + i + "\n");
      poolOf.put(runId, pool);
    }

    await()
        .atMost(WAIT)
        .until(() -> poolOf.keySet().stream().allMatch(id -> viaB.run(id).status().isTerminal()));

    int i = 0;
    for (Map.Entry<String, String> run : poolOf.entrySet()) {
      Run ended = viaA.run(run.getKey());
      assertThat(ended.status()).as(run.getKey()).isEqualTo(RunStatus.Succeeded);
      assertThat(ended.agent()).isEqualTo("agent-" + run.getValue());
      assertThat(ended.agentPool()).isEqualTo(run.getValue());
      String log = viaB.log(run.getKey());
      assertThat(count(log, "^quick-" + i + "$")).as(log).isEqualTo(1);
      assertThat(count(log, "Launching container with name: acb_step_0")).isEqualTo(1);
      assertThat(log).contains("Run ID: " + run.getKey() + " was successful");
      i++;
    }
  }

  @Test
  void cancel_throughServerA_reachesAnAgentAttachedToServerB(DockerClient docker) {
    // a step that ends as soon as it is asked to, so that its end shows when the cancel arrived
    String runId =
        queue(
            viaA,
            "blue",
            "  - cmd: wharf-test/busybox sh -c 'trap \"exit 0\" TERM; while true; do sleep 0.05;"
                + " done'\n");
    await().atMost(WAIT).until(() -> !runningContainers(docker, runId).isEmpty());

    long asked = System.nanoTime();
    viaA.cancel(runId);
    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> runningContainers(docker, runId).isEmpty());
    long stoppedMillis = (System.nanoTime() - asked) / 1_000_000;
    System.out.println(
        "AgentsIT: cancel through A to the step's end on B's agent: " + stoppedMillis + " ms");

    await().atMost(Duration.ofSeconds(20)).until(() -> viaB.run(runId).status().isTerminal());
    assertThat(viaB.run(runId).status()).isEqualTo(RunStatus.Canceled);
    assertThat(viaA.log(runId)).contains("marked as cancelled");
    // a cancel reaches the agent within a second (NOTIFY to B, B's waiting heartbeat answers);
    // the rest is the engine stopping the step, on a machine other tests load too
    assertThat(stoppedMillis).as("cancel to the step's end, in ms").isLessThan(5_000);
  }

  @Test
  void agentLabels_aRunGoesOnlyToAnAgentWithEveryLabelItAsksFor() {
    String ssd =
        queue(viaA, "green", Map.of("disk", "ssd"), "  - cmd: wharf-test/busybox echo on-ssd\n");
    String nowhere =
        queue(viaB, "default", Map.of("disk", "ssd"), "  - cmd: wharf-test/busybox echo never\n");
    String after = queue(viaB, "default", Map.of(), "  - cmd: wharf-test/busybox echo after\n");

    await()
        .atMost(WAIT)
        .until(() -> viaA.run(ssd).status().isTerminal() && viaA.run(after).status().isTerminal());
    assertThat(viaA.run(ssd).status()).isEqualTo(RunStatus.Succeeded);
    assertThat(viaA.run(ssd).agent()).isEqualTo("agent-green");
    assertThat(viaA.run(ssd).agentLabels()).containsExactly(Map.entry("disk", "ssd"));
    // agent-default has no disk=ssd: the run waits, and the runs queued after it do not
    assertThat(viaA.run(after).status()).isEqualTo(RunStatus.Succeeded);
    assertThat(viaA.run(nowhere).status()).isEqualTo(RunStatus.Queued);
    viaA.cancel(nowhere);
    assertThat(viaA.run(nowhere).status()).isEqualTo(RunStatus.Canceled);
  }

  @Test
  void agentKilledMidRun_runEndsErrorWithinTwoHeartbeatsAndItsContainersGo(DockerClient docker)
      throws Exception {
    String runId = queue(viaB, "blue", "  - cmd: wharf-test/busybox sleep 60\n");
    await().atMost(WAIT).until(() -> !runningContainers(docker, runId).isEmpty());

    long killed = kill(agents.get("blue"));
    await()
        .atMost(Duration.ofSeconds(2L * HEARTBEAT_SECONDS + 2))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> viaA.run(runId).status().isTerminal());
    long lostAfter = System.currentTimeMillis() - killed;
    Run lost = viaA.run(runId);
    assertThat(lost.status()).isEqualTo(RunStatus.Error);
    assertThat(lost.runErrorMessage()).isEqualTo("agent agent-blue stopped answering");
    assertThat(lostAfter).isLessThanOrEqualTo(2L * HEARTBEAT_SECONDS * 1000 + 1000);
    if (BLUE_ENGINE_APART) {
      // agent-blue names its engine apart from the others (see startAgent): nobody else removes
      // what its run left
      assertThat(runningContainers(docker, runId)).isNotEmpty();
    }

    startAgent("blue", "b", "a");
    await().atMost(WAIT).until(() -> RunLeftovers.of(docker, runId::equals).isEmpty());
    // what the dead process's long polls could still take goes back to the queue, not to Error
    String after = queue(viaA, "blue", "  - cmd: wharf-test/busybox echo back\n");
    await().atMost(WAIT).until(() -> viaA.run(after).status().isTerminal());
    assertThat(viaA.run(after).status()).isEqualTo(RunStatus.Succeeded);
    assertThat(viaA.log(after)).contains("back");
  }

  @Test
  void serverKilledMidRun_agentMovesToTheOtherServerAndTheLogIsComplete() throws Exception {
    String runId =
        queue(
            viaB,
            "green",
            "  - cmd: wharf-test/busybox sh -c 'for i in $(seq 1 40); do echo line-$i;"
                + " sleep 0.1; done'\n");
    await().atMost(WAIT).until(() -> viaB.log(runId).contains("line-5"));

    kill(servers.get("a"));

    await().atMost(WAIT).until(() -> viaB.run(runId).status().isTerminal());
    assertThat(viaB.run(runId).status()).isEqualTo(RunStatus.Succeeded);
    String log = viaB.log(runId);
    for (int i = 1; i <= 40; i++) {
      assertThat(count(log, "^line-" + i + "$")).as("line-" + i + " in\n" + log).isEqualTo(1);
    }
    launchServer("a");
    awaitHealthy("a");
    viaA = new ServerClient(urls.get("a"), adminToken);
  }

  private String queue(ServerClient client, String pool, String steps) {
    return queue(client, pool, Map.of(), steps);
  }

  private String queue(ServerClient client, String pool, Map<String, String> labels, String steps) {
    RunSpec spec = RunSpec.inline("version: v1.1.0\nsteps:\n" + steps);
    String runId = client.queue(new QuickRunRequest(RunType.QuickRun, spec, pool, labels)).runId();
    runIds.add(runId);
    return runId;
  }

  private void launchServer(String name) throws Exception {
    int port = urls.containsKey(name) ? urls.get(name).getPort() : freePort();
    Process server =
        wharf(
            "server",
            "--db",
            db,
            "--data-dir",
            work.resolve("server-" + name).toString(),
            "--listen",
            "127.0.0.1:" + port,
            "--agents",
            "0",
            "--heartbeat",
            Integer.toString(HEARTBEAT_SECONDS));
    servers.put(name, server);
    all.add(server);
    urls.put(name, URI.create("http://127.0.0.1:" + port));
  }

  private void awaitHealthy(String name) {
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(urls.get(name).resolve("/healthz")).build();
    await()
        .atMost(WAIT.multipliedBy(2))
        .ignoreExceptions()
        .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
  }

  private void startAgent(String pool, String first, String second) throws IOException {
    Map<String, String> environment = new LinkedHashMap<>();
    if ("blue".equals(pool) && BLUE_ENGINE_APART) {
      // the same engine under another address: what a run of agent-blue leaves is removed by
      // agent-blue once restarted, not by the agents of the other pools
      environment.put("DOCKER_HOST", "unix:///run/docker.sock");
    }
    Process agent =
        wharf(
            environment,
            "agent",
            "--server",
            urls.get(first).toString(),
            "--server",
            urls.get(second).toString(),
            "--token",
            agentToken,
            "--pool",
            pool,
            "--name",
            "agent-" + pool,
            "--label",
            "it=agents",
            "--label",
            "green".equals(pool) ? "disk=ssd" : "disk=hdd",
            "--concurrency",
            "2");
    agents.put(pool, agent);
    all.add(agent);
  }

  /** Other servers on the engine also number runs from 1; labels must not mix their runs. */
  private void startCountersAtRandom() {
    long start = ThreadLocalRandom.current().nextLong(1_000_000, 50_000_000);
    try (Database database = Database.open(db)) {
      database.write(
          handle ->
              handle
                  .createUpdate("UPDATE counters SET next_value = :start WHERE name = 'run'")
                  .bind("start", start)
                  .execute());
    }
  }

  private static long kill(Process process) throws Exception {
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
    long killed = System.currentTimeMillis();
    assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    return killed;
  }

  private Process wharf(String... args) throws IOException {
    return wharf(Map.of(), args);
  }

  private Process wharf(Map<String, String> environment, String... args) throws IOException {
    ProcessBuilder builder =
        WharfProcess.builder(work, List.of(args))
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(LOG.toFile()));
    builder.environment().putAll(environment);
    return builder.start();
  }

  private static int count(String text, String regex) {
    Matcher matcher = Pattern.compile(regex, Pattern.MULTILINE).matcher(text);
    int count = 0;
    while (matcher.find()) {
      count++;
    }
    return count;
  }

  private static List<?> runningContainers(DockerClient docker, String runId) {
    return docker
        .listContainersCmd()
        .withStatusFilter(List.of("running"))
        .withLabelFilter(Map.of(ContainerEngine.RUN_ID_LABEL, runId))
        .exec();
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
