package dev.wharf.engine.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wharf.engine.container.BuildRequest;
import dev.wharf.engine.container.ContainerEngine;
import dev.wharf.engine.container.ContainerSpec;
import dev.wharf.engine.container.EngineException;
import dev.wharf.engine.container.ImageInfo;
import dev.wharf.engine.container.RegistryLogin;
import dev.wharf.engine.testing.DockerTest;
import dev.wharf.engine.testing.LocalDocker;
import dev.wharf.engine.testing.Outcome;
import dev.wharf.engine.testing.Tar;
import dev.wharf.engine.testing.TestRegistry;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@DockerTest
class DockerEngineImagesIT {

  private static final String DOCKERFILE =
      String.join(
          "\n",
          "FROM " + LocalDocker.BUSYBOX + " AS base",
          "ARG MESSAGE=unset",
          "RUN printf '%s' \"$MESSAGE\" > /message",
          "FROM base AS final",
          "RUN touch /final",
          "");

  private final List<String> progress = Collections.synchronizedList(new ArrayList<>());
  private final List<String> pushed = new ArrayList<>();

  @AfterEach
  void deletePushedTags() throws Exception {
    for (String image : pushed) {
      TestRegistry.delete(image);
    }
  }

  private String buildImage(LocalDocker docker, String tag) throws Exception {
    BuildRequest request =
        BuildRequest.builder()
            .tag(tag)
            .buildArg("MESSAGE", "hello from the build")
            .target("base")
            .dockerfile("build/app.Dockerfile")
            .label(LocalDocker.TEST_LABEL, docker.testId())
            .build();
    InputStream context = Tar.ofText(Map.of("build/app.Dockerfile", DOCKERFILE));
    return docker.engine().build(request, context, progress::add);
  }

  @Test
  void build_withBuildArgAndTarget_stopsAtTheStageWithTheArg(LocalDocker docker) throws Exception {
    String tag = "wharf-it/" + docker.uniqueName("app") + ":1";

    String imageId = buildImage(docker, tag);
    Outcome run =
        Outcome.of(
            docker.engine(),
            ContainerSpec.builder(tag)
                .cmd("sh", "-c", "cat /message; test -e /final && echo has-final || true")
                .build(),
            Duration.ofSeconds(60));

    assertThat(imageId).startsWith("sha256:");
    assertThat(docker.engine().inspectImage(tag)).map(ImageInfo::id).hasValue(imageId);
    assertThat(run.stdout()).isEqualTo("hello from the build");
    assertThat(progress).anyMatch(line -> line.startsWith("Step 1/"));
  }

  @Test
  void build_failingInstruction_failsWithTheBuildersMessageAndLeavesNoContainer(
      LocalDocker docker) {
    BuildRequest request =
        BuildRequest.builder().label(LocalDocker.TEST_LABEL, docker.testId()).build();
    InputStream context =
        Tar.ofText(Map.of("Dockerfile", "FROM " + LocalDocker.BUSYBOX + "\nRUN exit 7\n"));

    assertThatThrownBy(() -> docker.engine().build(request, context, progress::add))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("Tried to build image (untagged) but failed because: ")
        .hasMessageContaining("returned a non-zero code: 7");
    // The classic builder keeps a failed RUN's container unless asked to remove it (forcerm).
    assertThat(docker.client().listContainersCmd().withShowAll(true).exec())
        .noneMatch(c -> c.getCommand() != null && c.getCommand().endsWith("exit 7"));
  }

  @Test
  void push_toPlainRegistry_returnsTheDigestTheEngineRecords(LocalDocker docker) throws Exception {
    String repository = LocalDocker.REGISTRY + "/wharf-it/" + docker.uniqueName("app");
    buildImage(docker, repository + ":1");

    pushed.add(repository + ":1");
    String digest = docker.engine().push(repository + ":1", List.of(), progress::add);

    assertThat(digest).matches("sha256:[0-9a-f]{64}");
    assertThat(docker.engine().inspectImage(repository + ":1").orElseThrow().repoDigests())
        .contains(repository + "@" + digest);
  }

  @Test
  void push_toAuthRegistryWithRightLogin_succeeds(LocalDocker docker) throws Exception {
    String image = LocalDocker.AUTH_REGISTRY + "/wharf-it/" + docker.uniqueName("app") + ":1";
    buildImage(docker, image);
    pushed.add(image);

    String digest = docker.engine().push(image, List.of(docker.authRegistryLogin()), progress::add);

    assertThat(digest).startsWith("sha256:");
  }

  @Test
  void push_toAuthRegistryWithWrongPassword_failsEvenThoughTheStreamEndsNormally(LocalDocker docker)
      throws Exception {
    String image = LocalDocker.AUTH_REGISTRY + "/wharf-it/" + docker.uniqueName("app") + ":1";
    buildImage(docker, image);
    RegistryLogin wrong = new RegistryLogin(LocalDocker.AUTH_REGISTRY, "wharf", "not-the-password");

    assertThatThrownBy(() -> docker.engine().push(image, List.of(wrong), progress::add))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("Tried to push " + image + " but failed because: ")
        .hasMessageContaining("unauthorized")
        .hasMessageNotContaining("not-the-password");
  }

  @Test
  void pullIfMissing_imageOnlyInRegistry_pullsOnceThenNot(LocalDocker docker) throws Exception {
    ContainerEngine engine = docker.engine();
    String image = LocalDocker.REGISTRY + "/wharf-it/" + docker.uniqueName("app") + ":1";
    String imageId = buildImage(docker, image);
    pushed.add(image);
    engine.push(image, List.of(), progress::add);
    engine.removeImage(image);

    boolean firstPulled = engine.pullIfMissing(image, List.of(), progress::add);
    boolean secondPulled = engine.pullIfMissing(image, List.of(), progress::add);
    engine.pull(image, List.of(), progress::add);

    assertThat(firstPulled).isTrue();
    assertThat(secondPulled).isFalse();
    assertThat(engine.inspectImage(image)).map(ImageInfo::id).hasValue(imageId);
  }

  @Test
  void pull_fromAuthRegistry_needsTheLogin(LocalDocker docker) throws Exception {
    ContainerEngine engine = docker.engine();
    String image = LocalDocker.AUTH_REGISTRY + "/wharf-it/" + docker.uniqueName("app") + ":1";
    buildImage(docker, image);
    pushed.add(image);
    engine.push(image, List.of(docker.authRegistryLogin()), progress::add);
    engine.removeImage(image);

    assertThatThrownBy(() -> engine.pull(image, List.of(), progress::add))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("Tried to pull " + image + " but failed because: ");
    engine.pull(image, List.of(docker.authRegistryLogin()), progress::add);

    assertThat(engine.inspectImage(image)).isPresent();
  }

  @Test
  void pull_unknownRepository_failsSayingWhatWasTried(ContainerEngine engine) {
    String image = LocalDocker.REGISTRY + "/wharf-it/does-not-exist:1";

    assertThatThrownBy(() -> engine.pull(image, List.of(), progress::add))
        .isInstanceOf(EngineException.class)
        .hasMessageStartingWith("Tried to pull " + image + " but failed because: ");
  }

  @Test
  void inspectImage_unknownImage_isEmpty(ContainerEngine engine) throws Exception {
    assertThat(engine.inspectImage("wharf-it/never-built:1")).isEmpty();
  }
}
