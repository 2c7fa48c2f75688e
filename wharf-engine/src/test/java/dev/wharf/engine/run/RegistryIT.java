package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.RunEvent;
import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.Tar;
import dev.wharf.engine.testing.TestRegistry;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Build, push and pull against the test registries. */
@DockerTest
class RegistryIT {
  private static final Map<String, String> CONTEXT =
      Map.of(
          "app/Dockerfile",
          "FROM " + LocalDocker.BUSYBOX + "\nRUN echo built > /built.txt\n",
          "app/extra.txt",
          "extra\n");

  private ContainerEngine engine;
  private LocalDocker docker;
  private TaskRunner runner;
  private String image;

  @BeforeEach
  void setUp(ContainerEngine engine, LocalDocker docker) {
    this.engine = engine;
    this.docker = docker;
    runner = new TaskRunner(engine).files(CONTEXT);
    image = "wharf-it-" + UUID.randomUUID().toString().substring(0, 8) + ":v1";
  }

  @AfterEach
  void removeImagesAndTags() throws Exception {
    for (String registry : List.of(LocalDocker.REGISTRY, LocalDocker.AUTH_REGISTRY)) {
      engine.removeImage(registry + "/" + image);
      TestRegistry.delete(registry + "/" + image);
    }
  }

  @Test
  void buildPushRun_runsThePushedImageAndReportsItsDigest() throws Exception {
    String tag = LocalDocker.REGISTRY + "/" + image;
    var outcome =
        runner.run(
            """
            steps:
              - id: build
                build: -t %s -f app/Dockerfile app
              - id: push
                push: ["%s"]
              - id: use
                cmd: %s cat /built.txt
            """
                .formatted(tag, tag, tag));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).endsWith("built\n");
    String pushed = outcome.result().step("push").orElseThrow().digests().get(0);
    assertThat(pushed).startsWith(tag + "@sha256:");
    String digest = pushed.substring(tag.length() + 1);
    String dependencies =
        outcome.events().stream()
            .filter(RunEvent.Dependencies.class::isInstance)
            .map(e -> ((RunEvent.Dependencies) e).json())
            .findFirst()
            .orElseThrow();
    assertThat(dependencies).contains("\"digest\":\"" + digest + "\"");
    assertThat(outcome.err()).contains("The following dependencies were found:");
  }

  @Test
  void push_toTheAuthenticatedRegistryWithACredential_succeeds() throws Exception {
    String tag = LocalDocker.AUTH_REGISTRY + "/" + image;
    var outcome =
        runner
            .login(docker.authRegistryLogin())
            .run(
                """
                steps:
                  - build: -t %s .
                    workingDirectory: app
                  - push: ["%s"]
                """
                    .formatted(tag, tag));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.all()).doesNotContain(LocalDocker.PASSWORD);
  }

  @Test
  void push_refused_isTriedThreeTimesAndFailsTheStep() throws Exception {
    String tag = LocalDocker.AUTH_REGISTRY + "/" + image;
    var outcome =
        runner.run(
            """
            steps:
              - build: -t %s .
                workingDirectory: app
              - id: push
                push: ["%s"]
            """
                .formatted(tag, tag));

    assertThat(outcome.result().error())
        .isEqualTo("failed to run step ID: push: failed to push images successfully");
    assertThat(outcome.err())
        .contains("Pushing image: " + tag + ", attempt 1")
        .contains("Pushing image: " + tag + ", attempt 3")
        .doesNotContain("attempt 4");
  }

  @Test
  void build_withABuildKitFlagTheEngineLacks_failsClearly() throws Exception {
    var outcome =
        runner.run(
            """
            steps:
              - build: --output type=local,dest=out -t %s app
            """
                .formatted(image));

    assertThat(outcome.result().error())
        .contains("does not offer through its build API (--output)");
  }

  @Test
  void run_imageOnlyInTheRegistry_isPulledWhenMissingAndAgainWithPull() throws Exception {
    String tag = LocalDocker.REGISTRY + "/" + image;
    engine.build(
        BuildRequest.builder().tag(tag).dockerfile("app/Dockerfile").build(),
        Tar.ofText(CONTEXT),
        line -> {});
    engine.push(tag, List.of(), line -> {});
    engine.removeImage(tag);

    var outcome =
        runner.run(
            """
            steps:
              - cmd: %s cat /built.txt
              - cmd: %s cat /built.txt
                pull: true
            """
                .formatted(tag, tag));

    assertThat(outcome.result().successful()).as(outcome.all()).isTrue();
    assertThat(outcome.out()).isEqualTo("built\nbuilt\n");
    assertThat(outcome.err()).contains("Step specified pull. Performing an explicit pull...");
  }
}
