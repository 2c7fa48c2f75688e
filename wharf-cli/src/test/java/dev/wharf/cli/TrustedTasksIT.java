package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.server.ServerConfig;
import dev.wharf.server.WharfServer;
import dev.wharf.server.agent.EngineRunExecutor;
import dev.wharf.server.auth.Role;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Server runs are untrusted unless an admin marks the task trusted and the server was started with
 * {@code --allow-raw-engine-socket} (docs/security.md#trusted-and-untrusted-runs), on real servers
 * and the real engine.
 */
@DockerTest
class TrustedTasksIT {
  /** A step on the host's network sees the engine's own bridge, docker0. */
  static final String HOST_NETWORK_TASK =
      """
      version: v1.1.0
      steps:
        - cmd: wharf-test/busybox sh -c "ls /sys/class/net; echo host-network-ran"
          network: host
      """;

  @TempDir Path data;
  @TempDir Path work;

  private final List<WharfServer> servers = new ArrayList<>();

  private record Server(String url, String admin, String runner) {}

  private record Result(int status, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @AfterEach
  void stopServers() {
    servers.forEach(WharfServer::close);
  }

  private Server start(String name, boolean allowRawEngineSocket) throws Exception {
    char letter = (char) ('a' + ThreadLocalRandom.current().nextInt(26));
    ServerConfig config =
        ServerConfig.defaults()
            .withDataDir(Files.createDirectories(data.resolve(name)))
            .withListen("127.0.0.1", 0)
            .withRunIdPrefix("t" + letter)
            .withAgent(
                1,
                new EngineRunExecutor(LocalDocker.REGISTRY)
                    .withLocalContexts(true)
                    .withTrustedRuns(allowRawEngineSocket));
    WharfServer server = WharfServer.start(config);
    servers.add(server);
    return new Server(
        "http://127.0.0.1:" + server.port(),
        WharfServer.createToken(config, Role.admin, "admin"),
        WharfServer.createToken(config, Role.run, "runner"));
  }

  private Result wharf(Server server, String token, String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("--server", server.url(), "--token", token));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int status =
        Main.execute(all.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), work);
    return new Result(status, out.toString(), err.toString());
  }

  @Test
  void hostNetworkStep_refusedUntilAnAdminMarksTheTaskTrusted_andOnlyForItsOwnInstructions()
      throws Exception {
    Files.writeString(work.resolve("host.yaml"), HOST_NETWORK_TASK);
    Server server = start("raw", true);
    String admin = server.admin();
    String runner = server.runner();
    Result created =
        wharf(
            server,
            admin,
            "task",
            "create",
            "-n",
            "host-task",
            "-c",
            "/dev/null",
            "-f",
            "host.yaml");

    Result untrusted = wharf(server, runner, "task", "run", "-n", "host-task");
    Result byRunToken =
        wharf(server, runner, "task", "update", "-n", "host-task", "--trusted", "true");
    Result marked = wharf(server, admin, "task", "update", "-n", "host-task", "--trusted", "true");
    Result shown = wharf(server, runner, "task", "show", "-n", "host-task");
    Result trusted = wharf(server, runner, "task", "run", "-n", "host-task");
    Result overridden =
        wharf(server, runner, "task", "run", "-n", "host-task", "--set", "anything=else");
    Result unmarked =
        wharf(server, admin, "task", "update", "-n", "host-task", "--trusted", "false");
    Result againUntrusted = wharf(server, admin, "task", "run", "-n", "host-task");

    assertThat(created.status()).as(created.all()).isZero();
    assertThat(untrusted.status()).as(untrusted.all()).isEqualTo(1);
    assertThat(untrusted.all())
        .contains("asks for the host's network (network host)", "which untrusted runs may not")
        .doesNotContain("host-network-ran");
    assertThat(byRunToken.status()).as(byRunToken.all()).isEqualTo(3);
    assertThat(marked.status()).as(marked.all()).isZero();
    assertThat(shown.out()).contains("Trusted:        yes");
    assertThat(trusted.status()).as(trusted.all()).isZero();
    assertThat(trusted.all()).contains("docker0", "host-network-ran");
    // a run token changing what runs gets an untrusted run, as it gets no secrets
    assertThat(overridden.status()).as(overridden.all()).isEqualTo(1);
    assertThat(overridden.all()).contains("which untrusted runs may not");
    assertThat(unmarked.status()).as(unmarked.all()).isZero();
    assertThat(againUntrusted.status()).as(againUntrusted.all()).isEqualTo(1);
  }

  @Test
  void trustedTask_onAServerWithoutTheRawEngineOption_staysUntrusted() throws Exception {
    Files.writeString(
        work.resolve("priv.yaml"),
        "version: v1.1.0\nsteps:\n  - cmd: wharf-test/busybox echo privileged-ran\n"
            + "    privileged: true\n");
    Server server = start("plain", false);
    Result created =
        wharf(
            server,
            server.admin(),
            "task",
            "create",
            "-n",
            "priv-task",
            "-c",
            "/dev/null",
            "-f",
            "priv.yaml");
    Result marked =
        wharf(server, server.admin(), "task", "update", "-n", "priv-task", "--trusted", "true");

    Result ran = wharf(server, server.admin(), "task", "run", "-n", "priv-task");

    assertThat(created.status()).as(created.all()).isZero();
    assertThat(marked.status()).as(marked.all()).isZero();
    assertThat(ran.status()).as(ran.all()).isEqualTo(1);
    assertThat(ran.all())
        .contains("asks for a privileged container (privileged)", "--allow-raw-engine-socket")
        .doesNotContain("privileged-ran");
  }
}
