package dev.wharf.engine.docker;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.Mount;
import dev.wharf.engine.container.NetworkSpec;
import dev.wharf.engine.container.OutputFollow;
import dev.wharf.engine.container.VolumeSpec;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.Outcome;
import dev.wharf.engine.testing.Tar;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

@DockerTest
class DockerEngineContainersIT {

  private static final Duration DEADLINE = Duration.ofSeconds(60);

  @Test
  void run_echoToBothStreams_keepsStreamsApartAndReportsExitCode(ContainerEngine engine)
      throws Exception {
    ContainerSpec spec =
        ContainerSpec.builder(LocalDocker.BUSYBOX)
            .cmd("sh", "-c", "echo out1; echo err1 >&2; sleep 0.2; echo out2; exit 3")
            .build();

    Outcome outcome = Outcome.of(engine, spec, DEADLINE);

    assertThat(outcome.exitCode()).isEqualTo(OptionalInt.of(3));
    assertThat(outcome.stdout()).isEqualTo("out1\nout2\n");
    assertThat(outcome.stderr()).isEqualTo("err1\n");
  }

  @Test
  void run_envUserWorkdirEntrypoint_reachTheProcess(ContainerEngine engine) throws Exception {
    ContainerSpec spec =
        ContainerSpec.builder(LocalDocker.BUSYBOX)
            .entrypoint("/bin/sh", "-c")
            .cmd("echo \"$GREETING $HOME\"; id -u; pwd")
            .env("GREETING=hello")
            .env("HOME=/acb/home")
            .user("1234")
            .workdir("/tmp")
            .build();

    Outcome outcome = Outcome.of(engine, spec, DEADLINE);

    assertThat(outcome.stdout()).isEqualTo("hello /acb/home\n1234\n/tmp\n");
    assertThat(outcome.exitCode()).isEqualTo(OptionalInt.of(0));
  }

  @Test
  void run_twoContainersOnANetwork_reachEachOtherByAlias(LocalDocker docker) throws Exception {
    ContainerEngine engine = docker.engine();
    String network = docker.uniqueName("net");
    engine.createNetwork(NetworkSpec.bridge(network));
    String server =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .name(docker.uniqueName("server"))
                .network(network, "web")
                .cmd("sh", "-c", "echo pong > /tmp/index.html; httpd -f -p 8080 -h /tmp")
                .build());
    engine.startContainer(server);

    Outcome client =
        Outcome.of(
            engine,
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .network(network)
                .cmd(
                    "sh",
                    "-c",
                    "for i in 1 2 3 4 5 6 7 8 9 10; do wget -q -O - http://web:8080/index.html"
                        + " && exit 0; sleep 0.5; done; exit 1")
                .build(),
            DEADLINE);

    assertThat(client.stdout()).isEqualTo("pong\n");
    assertThat(client.exitCode()).isEqualTo(OptionalInt.of(0));
    engine.removeContainer(server);
    engine.removeNetwork(network);
  }

  @Test
  void run_volumeSharedByTwoContainers_secondSeesWhatFirstWrote(LocalDocker docker)
      throws Exception {
    ContainerEngine engine = docker.engine();
    String volume = docker.uniqueName("vol");
    engine.createVolume(VolumeSpec.named(volume));

    Outcome writer =
        Outcome.of(
            engine,
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .mount(Mount.volume(volume, "/workspace"))
                .cmd("sh", "-c", "echo shared > /workspace/note")
                .build(),
            DEADLINE);
    Outcome reader =
        Outcome.of(
            engine,
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .mount(Mount.volume(volume, "/data"))
                .cmd("cat", "/data/note")
                .build(),
            DEADLINE);

    assertThat(writer.exitCode()).isEqualTo(OptionalInt.of(0));
    assertThat(reader.stdout()).isEqualTo("shared\n");
    engine.removeVolume(volume);
  }

  @Test
  void waitForExit_deadlinePasses_returnsEmptyAndKillStopsTheContainer(
      ContainerEngine engine, DockerClient client) throws Exception {
    String id =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX).cmd("sleep", "60").build());
    engine.startContainer(id);

    OptionalInt early = engine.waitForExit(id, Duration.ofMillis(500));
    engine.killContainer(id);
    OptionalInt afterKill = engine.waitForExit(id, Duration.ofSeconds(20));

    assertThat(early).isEmpty();
    assertThat(afterKill).isEqualTo(OptionalInt.of(137));
    assertThat(client.inspectContainerCmd(id).exec().getState().getRunning()).isFalse();
    engine.killContainer(id);
    engine.removeContainer(id);
    engine.removeContainer(id);
  }

  @Test
  void createContainer_labelsAndSocketMount_areApplied(LocalDocker docker) throws Exception {
    ContainerEngine engine = docker.engine().forRun("run-42");
    String id =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .label("step", "build")
                .mount(Mount.engineSocket(Mount.DOCKER_SOCKET))
                .cmd("true")
                .build());

    var inspected = docker.client().inspectContainerCmd(id).exec();

    assertThat(inspected.getConfig().getLabels())
        .containsEntry("step", "build")
        .containsEntry(ContainerEngine.RUN_ID_LABEL, "run-42")
        .containsEntry(LocalDocker.TEST_LABEL, docker.testId());
    assertThat(inspected.getMounts())
        .anySatisfy(
            m -> assertThat(m.getDestination().getPath()).isEqualTo("/var/run/docker.sock"));
    engine.removeContainer(id);
  }

  @Test
  void downloadArchive_fileWrittenByContainer_comesBackByteExact(ContainerEngine engine)
      throws Exception {
    String id =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .cmd("sh", "-c", "printf 'no newline' > /tmp/out.txt")
                .build());
    engine.startContainer(id);
    engine.waitForExit(id, DEADLINE);

    Map<String, byte[]> files = Tar.files(engine.downloadArchive(id, "/tmp/out.txt"));

    assertThat(files).containsOnlyKeys("out.txt");
    assertThat(new String(files.get("out.txt"), StandardCharsets.UTF_8)).isEqualTo("no newline");
    engine.removeContainer(id);
  }

  @Test
  void attachOutput_runningContainer_deliversOutputBeforeItExits(ContainerEngine engine)
      throws Exception {
    StringBuffer seen = new StringBuffer();
    String id =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .cmd("sh", "-c", "echo first; sleep 30; echo never")
                .build());

    try (OutputFollow follow =
        engine.attachOutput(id, (stream, bytes) -> seen.append(new String(bytes, UTF_8)))) {
      engine.startContainer(id);
      await().atMost(Duration.ofSeconds(20)).until(() -> seen.toString().contains("first"));
      OptionalInt stillRunning = engine.waitForExit(id, Duration.ofMillis(200));
      engine.stopContainer(id, Duration.ofSeconds(1));
      boolean ended = follow.awaitEnd(Duration.ofSeconds(20));

      assertThat(stillRunning).isEmpty();
      assertThat(ended).isTrue();
      assertThat(seen.toString()).isEqualTo("first\n");
    } finally {
      engine.removeContainer(id);
    }
  }

  @Test
  void uploadArchive_beforeStart_fileIsThereByteExact(ContainerEngine engine) throws Exception {
    String id =
        engine.createContainer(
            ContainerSpec.builder(LocalDocker.BUSYBOX)
                .cmd("sh", "-c", "od -An -tx1 /tmp/in.bin")
                .build());
    byte[] bytes = {0, (byte) 0xff, 0x0a, 0x0d, 0x41};
    engine.uploadArchive(id, "/tmp", Tar.of(Map.of("in.bin", bytes)));
    StringBuffer out = new StringBuffer();
    try (OutputFollow follow =
        engine.attachOutput(id, (stream, chunk) -> out.append(new String(chunk, UTF_8)))) {
      engine.startContainer(id);
      OptionalInt exit = engine.waitForExit(id, DEADLINE);
      follow.awaitEnd(Duration.ofSeconds(20));

      assertThat(exit).isEqualTo(OptionalInt.of(0));
      assertThat(out.toString().strip()).isEqualTo("00 ff 0a 0d 41");
    } finally {
      engine.removeContainer(id);
    }
  }

  @Test
  void createContainer_missingImage_failsSayingWhatWasTried(ContainerEngine engine) {
    ContainerSpec spec = ContainerSpec.builder("wharf-it/never-built:1").name("").build();

    assertThatThrownBy(() -> engine.createContainer(spec))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith(
            "Tried to create container from wharf-it/never-built:1 but failed because: ")
        .hasMessageContaining("No such image");
  }
}
