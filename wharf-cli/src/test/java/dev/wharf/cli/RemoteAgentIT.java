package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wharf.api.QuickRunRequest;
import dev.wharf.api.Run;
import dev.wharf.api.RunFilter;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Packaged {@code wharf agent} processes working for an in-process server on the real engine: an
 * agent waits out a server that is away, but stops with a clear error once its token is revoked;
 * only an agent started with {@code --allow-raw-engine-socket} gives trusted runs the whole engine.
 */
@DockerTest
class RemoteAgentIT {
  private static final Duration WAIT = Duration.ofSeconds(120);

  @TempDir Path data;
  @TempDir Path output;

  private ServerConfig config;
  private WharfServer server;
  private final List<Process> agents = new ArrayList<>();
  private final List<String> runIds = new ArrayList<>();

  @AfterEach
  void stopEverything() throws Exception {
    for (Process agent : agents) {
      agent.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    if (server != null) {
      server.close();
    }
    EngineRunExecutor engine = new EngineRunExecutor();
    for (String runId : runIds) {
      engine.abandoned(runId);
    }
  }

  @Test
  void serverAwayThenTokenRevoked_agentWaitsOutTheOutageButStopsAtTheRefusal() throws Exception {
    int port = freePort();
    config = config(port);
    String admin = WharfServer.createToken(config, Role.admin, "admin");
    String agentToken = WharfServer.createToken(config, Role.agent, "builders-1");
    Process agent = startAgent("builder", port, agentToken);
    Path log = output.resolve("builder.err");

    // no server yet: the agent keeps trying to register
    await().atMost(WAIT).until(() -> Files.readString(log).contains("cannot register yet"));
    assertThat(agent.isAlive()).as(Files.readString(log)).isTrue();
    server = WharfServer.start(config);
    ServerClient client = new ServerClient(URI.create("http://127.0.0.1:" + port), admin);
    await().atMost(WAIT).until(() -> client.agents().size() == 1);

    // the server goes away and comes back: the agent carries on
    server.close();
    await()
        .atMost(WAIT)
        .until(() -> Files.readString(log).contains("cannot reach the Wharf server"));
    assertThat(agent.isAlive()).as(Files.readString(log)).isTrue();
    server = WharfServer.start(config);
    String runId = queue(client, "  - cmd: wharf-test/busybox echo after-the-outage\n");
    await().atMost(WAIT).until(() -> client.run(runId).status().isTerminal());
    Run ran = client.run(runId);
    assertThat(ran.status()).isEqualTo(RunStatus.Succeeded);
    assertThat(ran.agent()).isEqualTo("builder");
    assertThat(agent.isAlive()).isTrue();

    CliRun revoked =
        CliRun.of(
            data,
            "server",
            "token",
            "revoke",
            "--data-dir",
            data.toString(),
            "--name",
            "builders-1");
    assertThat(revoked.exit()).as(revoked.toString()).isZero();

    assertThat(agent.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(log);
    assertThat(agent.exitValue()).as(stderr).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(stderr)
        .contains(
            "Error: the server refused this agent's token: server answered 401: unknown API token;"
                + " create a new one with `wharf server token create --role agent`")
        .doesNotContain(agentToken);
  }

  @Test
  void revokedTokenAtStart_agentExitsAtOnceWithTheSameError() throws Exception {
    int port = freePort();
    config = config(port);
    String agentToken = WharfServer.createToken(config, Role.agent, "old");
    WharfServer.revokeToken(config, "old");
    server = WharfServer.start(config);

    Process agent = startAgent("late", port, agentToken);

    assertThat(agent.waitFor(WAIT.toSeconds(), TimeUnit.SECONDS)).isTrue();
    String stderr = Files.readString(output.resolve("late.err"));
    assertThat(agent.exitValue()).as(stderr).isEqualTo(Main.EXIT_BAD_INPUT);
    assertThat(stderr)
        .contains(
            "the server refused this agent's token: server answered 401: unknown API token;"
                + " create a new one with `wharf server token create --role agent`");
  }

  @Test
  void trustedTask_getsTheWholeEngineOnlyOnAnAgentStartedWithAllowRawEngineSocket()
      throws Exception {
    int port = freePort();
    config = config(port);
    String admin = WharfServer.createToken(config, Role.admin, "admin");
    String agentToken = WharfServer.createToken(config, Role.agent, "builders");
    server = WharfServer.start(config);
    ServerClient client = new ServerClient(URI.create("http://127.0.0.1:" + port), admin);
    startAgent("opened", port, agentToken, "--pool", "raw", "--allow-raw-engine-socket");
    startAgent("closed", port, agentToken, "--pool", "plain");
    await().atMost(WAIT).until(() -> client.agents().size() == 2);
    Files.writeString(data.resolve("host.yaml"), TrustedTasksIT.HOST_NETWORK_TASK);
    String[] asAdmin = {"--server", "http://127.0.0.1:" + port, "--token", admin};
    CliRun created =
        CliRun.of(
            data,
            args(
                asAdmin,
                "task",
                "create",
                "-n",
                "host-task",
                "-c",
                "/dev/null",
                "-f",
                "host.yaml",
                "--agent-pool",
                "raw"));
    CliRun marked =
        CliRun.of(data, args(asAdmin, "task", "update", "-n", "host-task", "--trusted", "true"));

    CliRun onOpened = CliRun.of(data, args(asAdmin, "task", "run", "-n", "host-task"));
    CliRun moved =
        CliRun.of(
            data, args(asAdmin, "task", "update", "-n", "host-task", "--agent-pool", "plain"));
    CliRun onClosed = CliRun.of(data, args(asAdmin, "task", "run", "-n", "host-task"));

    assertThat(created.exit()).as(created.toString()).isZero();
    assertThat(marked.exit()).as(marked.toString()).isZero();
    assertThat(onOpened.exit()).as(onOpened.toString()).isZero();
    assertThat(onOpened.out() + onOpened.err()).contains("docker0", "host-network-ran");
    assertThat(moved.exit()).as(moved.toString()).isZero();
    assertThat(onClosed.exit()).as(onClosed.toString()).isEqualTo(1);
    assertThat(onClosed.out() + onClosed.err())
        .contains(
            "asks for the host's network (network host)",
            "which untrusted runs may not",
            "agent started with --allow-raw-engine-socket")
        .doesNotContain("host-network-ran");
    client.runs(new RunFilter("host-task", null, null, 0)).forEach(run -> runIds.add(run.runId()));
  }

  private static String[] args(String[] server, String... command) {
    List<String> all = new ArrayList<>(List.of(command));
    all.addAll(List.of(server));
    return all.toArray(String[]::new);
  }

  private ServerConfig config(int port) {
    char letter = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    return ServerConfig.defaults()
        .withDataDir(data)
        .withListen("127.0.0.1", port)
        .withRunIdPrefix("g" + letter)
        .withAgent(0, null)
        .withAgentHeartbeat(Duration.ofSeconds(2));
  }

  private String queue(ServerClient client, String steps) {
    RunSpec spec = RunSpec.inline("version: v1.1.0\nsteps:\n" + steps);
    String runId =
        client.queue(new QuickRunRequest(RunType.QuickRun, spec, null, Map.of())).runId();
    runIds.add(runId);
    return runId;
  }

  private Process startAgent(String name, int port, String token, String... more)
      throws IOException {
    List<String> command =
        new ArrayList<>(
            List.of(
                "agent", "--server", "http://127.0.0.1:" + port, "--token", token, "--name", name));
    command.addAll(List.of(more));
    Process agent =
        WharfProcess.builder(output, command)
            .redirectOutput(output.resolve(name + ".out").toFile())
            .redirectError(output.resolve(name + ".err").toFile())
            .start();
    agents.add(agent);
    return agent;
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
