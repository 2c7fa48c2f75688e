package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a step's container sees: workspace, env, entry point, user, directory, ports, volumes. */
@DockerTest
class RunStepOptionsIT {

  @TempDir Path dir;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @Test
  void run_buildWithDockerfileOutsideItsContext_readsTheDockerfileFromTheWorkspace(
      LocalDocker docker) throws IOException {
    Files.writeString(
        dir.resolve("Dockerfile"), "FROM wharf-test/busybox\nCOPY data.txt /data.txt\n");
    Files.createDirectories(dir.resolve("images"));
    Files.writeString(dir.resolve("images/data.txt"), "from the images folder\n");
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - build: -t runit-outside:{{.Run.ID}} --label %s -f ./Dockerfile ./images
              - cmd: runit-outside:{{.Run.ID}} cat /data.txt
            """
                .formatted(LocalDocker.TEST_LABEL + "=" + docker.testId()));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("from the images folder");
  }

  @Test
  void run_filesWrittenByAStep_areReadByTheNext() throws IOException {
    Files.writeString(dir.resolve("input.txt"), "from the context\n");
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - cmd: wharf-test/busybox sh -c "cat input.txt > carried.txt; echo written >> carried.txt"
              - cmd: wharf-test/busybox cat /workspace/carried.txt
            """);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("from the context\nwritten\n");
  }

  @Test
  void run_env_taskFileBeatsFlagAndStepBeatsBoth() {
    CliRun run =
        CliRun.task(
            dir,
            """
            env: ["K1=task", "K2=task"]
            steps:
              - cmd: wharf-test/busybox sh -c "echo K1=$K1 K2=$K2 K3=$K3 HOME=$HOME"
                env: ["K2=step"]
            """,
            "--env",
            "K1=flag",
            "--env",
            "K3=flag");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("K1=task K2=step K3=flag HOME=/acb/home");
  }

  @Test
  void run_entryPointUserAndWorkingDirectory_reachTheContainer() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: entry
                cmd: wharf-test/busybox entry-point-argument
                entryPoint: echo
              - id: user
                cmd: wharf-test/busybox sh -c "echo uid=$(id -u) gid=$(id -g)"
                user: "1234:5678"
              - id: relative
                cmd: wharf-test/busybox pwd
                workingDirectory: sub/dir
              - id: absolute
                cmd: wharf-test/busybox pwd
                workingDirectory: /tmp
            """);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("entry-point-argument\n")
        .contains("uid=1234 gid=5678\n")
        .contains("/workspace/sub/dir\n")
        .contains("/tmp\n");
  }

  @Test
  void run_ports_publishTheStepOnTheHost() throws Exception {
    int port;
    try (ServerSocket free = new ServerSocket(0)) {
      port = free.getLocalPort();
    }
    String task =
        """
        steps:
          - id: listen
            cmd: wharf-test/busybox nc -l -p 8080
            ports: ["127.0.0.1:%d:8080"]
            timeout: 30
        """
            .formatted(port);
    CompletableFuture<CliRun> running = CompletableFuture.supplyAsync(() -> CliRun.task(dir, task));
    while (!running.isDone()) {
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        OutputStream out = socket.getOutputStream();
        out.write("through-the-port\n".getBytes(StandardCharsets.UTF_8));
        out.flush();
      } catch (IOException notYet) {
        // The container is not listening yet.
      }
      Thread.sleep(200);
    }
    CliRun run = running.join();

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("through-the-port");
  }

  @Test
  void run_detachedService_isReachedByStepIdFromALaterStep() throws IOException {
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "served by a detached step\n");
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: web
                cmd: wharf-test/busybox httpd -f -p 8080 -h /workspace/www
                detach: true
              - id: client
                cmd: wharf-test/busybox sh -c "until wget -q -O - http://web:8080/index.html; do sleep 0.1; done"
                timeout: 30
            """);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("served by a detached step\n");
  }

  @Test
  void run_declaredNetworkWithoutDefault_joinsByIdThereAndLeavesOtherStepsOnTheBridge()
      throws IOException {
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "served on the task's network\n");
    String network = CliRun.newId() + "-net";
    CliRun run =
        CliRun.task(
            dir,
            """
            networks:
              - name: %1$s
            steps:
              - id: web
                cmd: wharf-test/busybox httpd -f -p 8080 -h /workspace/www
                network: %1$s
                detach: true
              - id: client
                cmd: wharf-test/busybox sh -c "until wget -q -O - http://web:8080/index.html; do sleep 0.1; done"
                network: %1$s
                timeout: 30
              - id: bridged
                cmd: wharf-test/busybox echo on the engine bridge
              - id: hosted
                cmd: wharf-test/busybox echo on the host network
                network: host
            """
                .formatted(network));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains("served on the task's network\n")
        .contains("on the engine bridge\n")
        .contains("on the host network\n");
  }

  @Test
  void run_networkFlag_runsStepsOnTheUsersNetworkAndLeavesIt(LocalDocker docker)
      throws IOException {
    String network = docker.uniqueName("runit-user");
    docker.client().createNetworkCmd().withName(network).withLabels(docker.labels()).exec();
    Files.createDirectories(dir.resolve("www"));
    Files.writeString(dir.resolve("www/index.html"), "served on the user's network\n");
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: web
                cmd: wharf-test/busybox httpd -f -p 8080 -h /workspace/www
                detach: true
              - id: client
                cmd: wharf-test/busybox sh -c "until wget -q -O - http://web:8080/index.html; do sleep 0.1; done"
                timeout: 30
            """,
            "--network",
            network);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("served on the user's network\n");
    assertThat(run.err()).contains("Network: '" + network + "'");
    assertThat(docker.client().listNetworksCmd().withNameFilter(network).exec()).hasSize(1);
  }

  @Test
  void run_engineSocketAndRegistryLogins_areGivenToSteps() {
    String task =
        """
        steps:
          - cmd: wharf-test/busybox sh -c "test -S /var/run/docker.sock && echo has-socket || echo no-socket; grep -o 127.0.0.1:5001 /acb/home/.docker/config.json"
        """;
    String credential =
        LocalDocker.AUTH_REGISTRY + "=" + LocalDocker.USERNAME + ":" + LocalDocker.PASSWORD;

    CliRun with = CliRun.task(dir, task, "--credential", credential);
    CliRun without = CliRun.task(dir, task, "--credential", credential, "--no-engine-socket");

    assertThat(with.exit()).as(with.toString()).isZero();
    assertThat(with.out()).contains("has-socket\n127.0.0.1:5001\n");
    assertThat(without.exit()).as(without.toString()).isZero();
    assertThat(without.out()).contains("no-socket\n");
  }

  @Test
  void run_secretVolume_holdsTheExactBytes() {
    byte[] text = "no newline at the end".getBytes(StandardCharsets.UTF_8);
    byte[] binary = {0, 1, 2, (byte) 0xff, (byte) 0xfe, '\n', '\r', 0x7f, (byte) 0x80};
    Base64.Encoder b64 = Base64.getEncoder();
    CliRun run =
        CliRun.task(
            dir,
            """
            volumes:
              - name: creds
                secret:
                  text.txt: %s
                  data.bin: %s
            steps:
              - cmd: wharf-test/busybox od -An -v -tx1 /run/creds/text.txt /run/creds/data.bin
                volumeMounts:
                  - name: creds
                    mountPath: /run/creds
            """
                .formatted(b64.encodeToString(text), b64.encodeToString(binary)));

    assertThat(run.exit()).as(run.toString()).isZero();
    String expected = HexFormat.of().formatHex(text) + HexFormat.of().formatHex(binary);
    assertThat(run.out().replaceAll("\\s", "")).isEqualTo(expected);
  }
}
