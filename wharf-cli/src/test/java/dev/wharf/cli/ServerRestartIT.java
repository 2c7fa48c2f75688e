package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.api.Run;
import dev.wharf.api.RunSpec;
import dev.wharf.api.RunStatus;
import dev.wharf.api.RunType;
import dev.wharf.api.ServerClient;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.auth.Role;
import dev.wharf.server.store.Database;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
 * {@code wharf server} as a separate process of the packaged distribution, killed with SIGKILL in
 * the middle of a run and started again on the same data directory.
 */
@DockerTest
class ServerRestartIT {
  private static final Duration WAIT = Duration.ofSeconds(30);

  @TempDir Path dataDir;
  @TempDir Path output;

  private final List<Process> servers = new ArrayList<>();
  private final List<String> runIds = new ArrayList<>();

  @AfterEach
  void stopServersAndCleanUp() throws Exception {
    for (Process server : servers) {
      server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
    }
    for (String runId : runIds) {
      wharf("cleanup", "--run", runId).waitFor(30, TimeUnit.SECONDS);
    }
  }

  @Test
  void killedMidRun_restarted_interruptedRunErrorsAndQueuedRunsFinish(DockerClient docker)
      throws Exception {
    ServerConfig config = ServerConfig.defaults().withDataDir(dataDir).withAgent(0, null);
    String token = WharfServer.createToken(config, Role.admin, "it");
    startCountersAtRandom(config);
    ServerClient client = startServer(token);
    String interrupted =
        queue(
            client,
            "  - cmd: wharf-test/busybox echo before-the-kill\n"
                + "  - cmd: wharf-test/busybox sleep 30\n");
    String first = queue(client, "  - cmd: wharf-test/busybox echo queued-one\n");
    String second = queue(client, "  - cmd: wharf-test/busybox echo queued-two\n");
    await()
        .atMost(WAIT)
        .until(
            () ->
                client.log(interrupted).contains("before-the-kill")
                    && !runningContainers(docker, interrupted).isEmpty());
    assertThat(client.run(first).status()).isEqualTo(RunStatus.Queued);

    Process killed = servers.get(0);
    Process kill = new ProcessBuilder("kill", "-9", Long.toString(killed.pid())).start();
    assertThat(kill.waitFor(10, TimeUnit.SECONDS) && kill.exitValue() == 0).isTrue();
    assertThat(killed.waitFor(10, TimeUnit.SECONDS)).isTrue();
    assertThat(killed.exitValue()).isEqualTo(137);
    ServerClient restarted = startServer(token);

    await().atMost(WAIT).until(() -> restarted.run(interrupted).status().isTerminal());
    Run lost = restarted.run(interrupted);
    assertThat(lost.status()).isEqualTo(RunStatus.Error);
    assertThat(lost.runErrorMessage()).contains("restarted before the run finished");
    assertThat(restarted.log(interrupted)).contains("before-the-kill");
    await()
        .atMost(WAIT)
        .until(
            () ->
                restarted.run(first).status().isTerminal()
                    && restarted.run(second).status().isTerminal());
    assertThat(restarted.run(first).status()).isEqualTo(RunStatus.Succeeded);
    assertThat(restarted.run(second).status()).isEqualTo(RunStatus.Succeeded);
    assertThat(restarted.log(first)).contains("queued-one");
    assertThat(restarted.log(second)).contains("queued-two");

    // The restarted server removes what the killed run left (its containers, network, volumes).
    await().atMost(WAIT).until(() -> RunLeftovers.of(docker, runIds::contains).isEmpty());
  }

  /** Other servers on the engine also number runs from 1; labels must not mix their runs. */
  private static void startCountersAtRandom(ServerConfig config) {
    long start = ThreadLocalRandom.current().nextLong(1_000_000, 50_000_000);
    try (Database db = Database.open(config.jdbcUrl())) {
      db.write(
          handle ->
              handle
                  .createUpdate("UPDATE counters SET next_value = :start WHERE name = 'run'")
                  .bind("start", start)
                  .execute());
    }
  }

  private ServerClient startServer(String token) throws Exception {
    int port = freePort();
    Process server =
        wharf(
            "server",
            "--data-dir",
            dataDir.toString(),
            "--listen",
            "127.0.0.1:" + port,
            "--agents",
            "1",
            "--allow-local-contexts");
    servers.add(server);
    URI base = URI.create("http://127.0.0.1:" + port);
    HttpClient http = HttpClient.newHttpClient();
    HttpRequest health = HttpRequest.newBuilder(base.resolve("/healthz")).build();
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(() -> http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200);
    return new ServerClient(base, token);
  }

  private String queue(ServerClient client, String steps) {
    String runId =
        client.queue(RunType.QuickRun, RunSpec.inline("version: v1.1.0\nsteps:\n" + steps)).runId();
    runIds.add(runId);
    return runId;
  }

  private Process wharf(String... args) throws IOException {
    return WharfProcess.builder(output, List.of(args))
        .redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(output.resolve("wharf.log").toFile()))
        .start();
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
