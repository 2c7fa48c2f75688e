package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.TestRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Steps that drive the engine through the run's own socket (docs/security.md, "The run's engine
 * socket"), with the docker CLI image that scripts/setup-docker.sh makes.
 */
@DockerTest
class EngineSocketIT {

  /** Microsoft's multi-step tutorial task, with its images swapped for the offline ones. */
  static final String TUTORIAL =
      """
      version: v1.1.0
      steps:
      # Build target image
      - build: -t {{.Run.Registry}}/runit/hello-world:{{.Run.ID}} -f hello-world.dockerfile .
      # Run image
      - cmd: -t {{.Run.Registry}}/runit/hello-world:{{.Run.ID}}
        id: test
        detach: true
        ports: ["80"]
      - cmd: docker stop test
      # Push image
      - push:
        - {{.Run.Registry}}/runit/hello-world:{{.Run.ID}}
      """;

  static final String HELLO_WORLD =
      """
      FROM wharf-test/busybox
      CMD ["sh", "-c", "trap 'exit 0' TERM; echo hello from test; httpd -f -p 80 & wait"]
      """;

  @TempDir Path dir;

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  @Test
  void tutorialTask_twoCopiesAtOnce_eachStopsItsOwnTestContainer(DockerClient client)
      throws Exception {
    Path first = copy("first");
    Path second = copy("second");

    CompletableFuture<CliRun> one =
        CompletableFuture.supplyAsync(
            () -> CliRun.taskInPlace(first, "-r", "127.0.0.1:5000", "-o", "json"));
    CliRun two = CliRun.taskInPlace(second, "-r", "127.0.0.1:5000", "-o", "json");
    CliRun other = one.join();

    for (CliRun run : List.of(other, two)) {
      removeBuiltImage(client, run);
      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.stepResult("acb_step_2").path("status").asText()).isEqualTo("successful");
      assertThat(run.logOf("acb_step_2")).as(run.toString()).contains("test");
      assertThat(run.logOf("test")).contains("hello from test");
    }
  }

  @Test
  void untrustedRun_privilegedHostPathsAndHostNetwork_areRefusedWithAReason() {
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - cmd: >-
                  docker sh -c "docker run --rm --privileged wharf-test/busybox true;
                  docker run --rm -v /:/host wharf-test/busybox ls /host;
                  docker run --rm --network host wharf-test/busybox true;
                  docker run --rm --cap-add SYS_ADMIN wharf-test/busybox true;
                  docker run --rm --pid host wharf-test/busybox true;
                  docker volume create -o type=none -o o=bind -o device=/etc hostetc;
                  docker run --rm wharf-test/busybox echo allowed"
            """,
            "--untrusted");

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.toString())
        .contains(
            "Wharf refused: privileged containers are not allowed for untrusted runs"
                + " (docs/security.md)",
            "Wharf refused: binding host paths (-v /:…) is not allowed for untrusted runs",
            "Wharf refused: the host's network (--network host) is not allowed",
            "Wharf refused: added capabilities (--cap-add) are not allowed",
            "Wharf refused: the host's PID namespace (PidMode=host) is not allowed",
            "Wharf refused: volume driver options (which can bind host paths) are not allowed",
            "allowed\n");
  }

  @Test
  void localRun_containersOfOtherRuns_areOutOfReach(DockerClient client) {
    String other = CliRun.newId();
    String id =
        client
            .createContainerCmd("wharf-test/busybox")
            .withName(other + "-victim")
            .withCmd("sleep", "300")
            .withLabels(java.util.Map.of(ContainerEngine.RUN_ID_LABEL, other))
            .exec()
            .getId();
    try {
      CliRun run =
          CliRun.task(
              dir,
              """
              steps:
                - cmd: docker sh -c "docker rm -f %s; docker inspect %s >/dev/null; echo done"
              """
                  .formatted(other + "-victim", id.substring(0, 12)));

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.toString()).contains("belongs to another run", "done");
      assertThat(client.inspectContainerCmd(id).exec().getId()).isEqualTo(id);
    } finally {
      client.removeContainerCmd(id).withForce(true).exec();
    }
  }

  @Test
  void stepsDrivingTheEngine_execLogsAttach_andEverythingTheyMadeIsRemoved(DockerClient client)
      throws IOException {
    Files.writeString(dir.resolve("Dockerfile"), "FROM wharf-test/busybox\nRUN echo built\n");
    String tag = "runit/socket-built:" + CliRun.newId();
    CliRun run =
        CliRun.task(
            dir,
            """
            steps:
              - id: srv
                cmd: wharf-test/busybox sh -c "echo serving; sleep 300"
                detach: true
              - cmd: >-
                  docker sh -c "docker logs srv;
                  docker exec srv echo from-exec;
                  echo piped | docker exec -i srv cat;
                  echo attached-stdin | docker run -i --rm wharf-test/busybox cat;
                  docker run --name bg -d wharf-test/busybox sleep 300 >/dev/null;
                  docker ps --filter name=bg;
                  docker network create own-net >/dev/null && echo network-made;
                  docker volume create own-vol >/dev/null && echo volume-made;
                  docker run --rm -v data:/data wharf-test/busybox touch /data/x && echo data-made;
                  docker build -q -t TAG /workspace >/dev/null && echo image-built;
                  docker kill srv >/dev/null && echo killed"
            """
                .replace("TAG", tag));

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out())
        .contains(
            "serving\n",
            "from-exec\n",
            "piped\n",
            "attached-stdin\n",
            "-bg",
            "network-made\n",
            "volume-made\n",
            "data-made\n",
            "image-built\n",
            "killed\n");
    assertThat(client.listImagesCmd().exec())
        .noneMatch(i -> i.getRepoTags() != null && List.of(i.getRepoTags()).contains(tag));
    assertThat(client.listNetworksCmd().withNameFilter("own-net").exec()).isEmpty();
    assertThat(client.listVolumesCmd().exec().getVolumes())
        .noneMatch(v -> v.getName().equals("own-vol") || v.getName().equals("data"));
  }

  /** The image the task's own build step made (a build step's image stays, as under acb). */
  private static void removeBuiltImage(DockerClient client, CliRun run) throws Exception {
    for (var image : client.listImagesCmd().exec()) {
      for (String tag : image.getRepoTags() == null ? new String[0] : image.getRepoTags()) {
        if (tag.startsWith("127.0.0.1:5000/runit/hello-world:") && run.out().contains(tag)) {
          client.removeImageCmd(tag).exec();
          TestRegistry.delete(tag);
        }
      }
    }
  }

  private Path copy(String name) {
    try {
      Path folder = Files.createDirectories(dir.resolve(name));
      Files.writeString(folder.resolve("acb.yaml"), TUTORIAL);
      Files.writeString(folder.resolve("hello-world.dockerfile"), HELLO_WORLD);
      return folder;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
