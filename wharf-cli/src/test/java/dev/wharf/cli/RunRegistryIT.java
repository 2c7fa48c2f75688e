package dev.wharf.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.dockerjava.api.DockerClient;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.TestRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Build, push and pull against the real registries (one open, one with htpasswd). */
@DockerTest
class RunRegistryIT {
  private static final Pattern PUSHED = Pattern.compile("127\\.0\\.0\\.1:500[01]/[\\w/]+:[\\w.-]+");

  @TempDir Path dir;

  private String label;

  @BeforeEach
  void dockerfile(LocalDocker docker) throws IOException {
    // The label lets the test extension remove the built images after the class.
    label = LocalDocker.TEST_LABEL + "=" + docker.testId();
    Files.writeString(
        dir.resolve("Dockerfile"),
        "FROM wharf-test/busybox\nRUN echo built by the run > /built.txt\nCMD [\"cat\", \"/built.txt\"]\n");
  }

  @AfterAll
  static void nothingLeft(DockerClient client) {
    RunLeftovers.assertNone(client);
  }

  /** Deletes from the registries the tags {@code run} pushed (its log names them). */
  private static void deletePushedTags(CliRun run) throws Exception {
    Matcher pushed = PUSHED.matcher(run.toString());
    while (pushed.find()) {
      TestRegistry.delete(pushed.group());
    }
  }

  @Test
  void run_buildPushAndRunOfThePushedImage_reportsTheRegistryDigest(DockerClient client)
      throws Exception {
    CliRun run =
        CliRun.task(
            dir,
            """
            version: v1.1.0
            steps:
              - id: build
                build: -t $Registry/runit/app:$ID --label %s .
              - id: push
                push: ["$Registry/runit/app:$ID"]
              - id: use
                cmd: $Registry/runit/app:$ID
                pull: true
            """
                .formatted(label),
            "-r",
            LocalDocker.REGISTRY,
            "-o",
            "json");
    deletePushedTags(run);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.out()).contains("built by the run");
    assertThat(run.logOf("build"))
        .contains("Step 1/4 : FROM wharf-test/busybox\n ---> ")
        .doesNotContain("\n\n");
    String pushed = run.stepResult("push").path("digests").path(0).asText();
    assertThat(pushed).matches("127\\.0\\.0\\.1:5000/runit/app:runit\\w*-\\w+@sha256:[0-9a-f]{64}");
    JsonNode deps =
        run.events().stream()
            .filter(e -> e.path("event").asText().equals("dependencies"))
            .findFirst()
            .orElseThrow()
            .path("dependencies");
    assertThat(deps.path(0).path("image").path("digest").asText())
        .isEqualTo(pushed.substring(pushed.indexOf('@') + 1));
  }

  @Test
  void run_pushAndPullWithTheAuthenticatedRegistry_useTheCredential() throws Exception {
    CliRun run =
        CliRun.task(
            dir,
            """
            version: v1.1.0
            steps:
              - build: -t 127.0.0.1:5001/runit/app:$ID --label %s .
              - push: ["127.0.0.1:5001/runit/app:$ID"]
              - cmd: 127.0.0.1:5001/runit/app:$ID
                pull: true
            """
                .formatted(label),
            "--credential",
            LocalDocker.AUTH_REGISTRY + "=" + LocalDocker.USERNAME + ":" + LocalDocker.PASSWORD);
    deletePushedTags(run);

    assertThat(run.exit()).as(run.toString()).isZero();
    assertThat(run.err()).contains("Successfully pushed image: 127.0.0.1:5001/runit/app:");
    assertThat(run.out()).contains("built by the run");
    assertThat(run.out() + run.err()).doesNotContain(LocalDocker.PASSWORD);
  }

  @Test
  void readmeExample_runsForReal(DockerClient client) throws Exception {
    Path repository = Path.of("").toAbsolutePath().getParent();
    String id = CliRun.newId();
    try {
      CliRun run =
          CliRun.of(
              repository,
              "run",
              "-r",
              LocalDocker.REGISTRY,
              "--id",
              id,
              "-f",
              "examples/hello/acb.yaml",
              "examples/hello");

      assertThat(run.exit()).as(run.toString()).isZero();
      assertThat(run.out()).contains("hello from a Wharf build").contains("built " + id);
      assertThat(run.err())
          .contains("The following dependencies were found:")
          .contains("\"digest\":\"sha256:")
          .contains("Run ID: " + id + " was successful after");
    } finally {
      client.removeImageCmd(LocalDocker.REGISTRY + "/hello:" + id).withForce(true).exec();
      TestRegistry.delete(LocalDocker.REGISTRY + "/hello:" + id);
    }
  }

  @Test
  void run_refusedPush_isTriedThreeTimesThenFailsTheRun() throws Exception {
    CliRun run =
        CliRun.task(
            dir,
            """
            version: v1.1.0
            steps:
              - build: -t 127.0.0.1:5001/runit/app:$ID --label %s .
              - push: ["127.0.0.1:5001/runit/app:$ID"]
            """
                .formatted(label));
    deletePushedTags(run);

    assertThat(run.exit()).as(run.toString()).isEqualTo(1);
    assertThat(run.err())
        .contains(", attempt 1")
        .contains(", attempt 2")
        .contains(", attempt 3")
        .doesNotContain(", attempt 4")
        .contains("failed to push images successfully");
  }
}
