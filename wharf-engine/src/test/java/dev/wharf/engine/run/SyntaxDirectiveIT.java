package dev.wharf.engine.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.docker.BuildCacheRecords;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A {@code # syntax=} directive names a frontend image that BuildKit runs; one the engine has not
 * got and cannot fetch fails the step before the build, saying what to do
 * (docs/buildkit.md#syntax-directives).
 */
@DockerTest
class SyntaxDirectiveIT {
  private ContainerEngine engine;
  private String marker;
  private String image;

  @BeforeEach
  void setUp(ContainerEngine engine) {
    this.engine = engine;
    marker = "wharf-syn-" + UUID.randomUUID().toString().substring(0, 8);
    image = marker + ":v1";
  }

  @AfterEach
  void cleanUp() throws Exception {
    engine.removeImage(image);
    BuildCacheRecords.prune(engine.address(), marker);
  }

  private TaskRunner.Outcome build(String frontend) throws Exception {
    TaskRunner runner =
        new TaskRunner(engine)
            .files(
                Map.of(
                    "Dockerfile",
                    "# syntax=%s\nFROM %s\nRUN echo %s\n"
                        .formatted(frontend, LocalDocker.BUSYBOX, marker)));
    return runner.run("steps:\n  - build: -t " + image + " .\n");
  }

  @Test
  void aFrontendInARegistryTheEngineCannotReach_failsTheStepSayingWhatToDo() throws Exception {
    // The registry's port is closed: the engine cannot fetch from it, as one without network.
    String frontend = "127.0.0.1:9/" + marker + "/dockerfile:1.4";

    var outcome = build(frontend);

    assertThat(outcome.result().successful()).isFalse();
    assertThat(outcome.all())
        .contains(
            "the Dockerfile's # syntax="
                + frontend
                + " names a frontend image that the engine does not have and cannot fetch")
        .contains("load the image into the engine beforehand")
        .contains("Heredocs and COPY --link need such a frontend")
        .doesNotContain("resolve image config");
  }

  @Test
  void aFrontendImageInTheEngine_isRunByBuildKitWithoutAskingARegistry() throws Exception {
    // busybox is no frontend: BuildKit runs it and it fails as one, which shows it was used.
    var outcome = build(LocalDocker.BUSYBOX);

    assertThat(outcome.result().successful()).isFalse();
    assertThat(outcome.all())
        .contains("resolve image config for docker.io/" + LocalDocker.BUSYBOX)
        .contains("failed to solve with frontend gateway.v0")
        .doesNotContain("names a frontend image that the engine does not have");
  }
}
